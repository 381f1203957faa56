"""The production settings pass Django's deployment checks and collect static files."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# The production module beside the settings this test runs under.
PRODUCTION_SETTINGS = f"{settings.SETTINGS_MODULE.rpartition('.')[0]}.production"
# A deployment names every provider it calls (integrations.W001 otherwise), in NAME_BASE_URL:
# here, and not in .env, which CI and the image do not have.
PROVIDER_URLS = {
    f"{name.upper()}_BASE_URL": f"https://{name}.example.com/api" for name in settings.INTEGRATIONS
}


def production_manage_py(*arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh process under the production settings, as a deployment would."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": PRODUCTION_SETTINGS,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "api.example.com",
            **PROVIDER_URLS,
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks() -> None:
    result = production_manage_py("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_deployment_checks_fail_on_a_weak_secret_key() -> None:
    result = production_manage_py(
        "check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY="short"
    )

    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_collectstatic_writes_fingerprinted_and_compressed_files(tmp_path: Path) -> None:
    result = production_manage_py("collectstatic", "--noinput", DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").is_file()
    assert list(tmp_path.glob("admin/css/base.*.css.gz")), "fingerprinted, gzipped admin CSS"
