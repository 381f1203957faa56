"""Accounts: the project's user model, and sign-up and log-in through django-allauth headless.

allauth serves /_allauth/browser/v1/ (session cookie and CSRF, for a web front end) and
/_allauth/app/v1/ (an X-Session-Token header, for mobile and other apps); the project's own
API accepts the same credentials (REST_FRAMEWORK in base.py). docs: ARCHITECTURE.md, users.
"""

from corsheaders.defaults import default_headers

from {{ cookiecutter.project_slug }}.config.settings.environment import env

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # The admin's log-in, by e-mail and password.
    "django.contrib.auth.backends.ModelBackend",
    # allauth's, which also applies its rate limits and checks verification.
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Log in by e-mail and password; no username. A new address must be verified, with a code
# mailed to it, before the account can log in.
ACCOUNT_ADAPTER = "{{ cookiecutter.project_slug }}.modules.users.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
# Signing in again after verifying would be a needless step.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# allauth's rate limits (ACCOUNT_RATE_LIMITS) keep their defaults, counted in the default cache:
# after 5 failed log-ins for one address in 5 minutes, or 10 a minute from one IP, log-ins are
# refused (400, too_many_login_attempts); over 30 log-in requests a minute from one IP are
# answered 429.

# Only allauth's API, no HTML pages: the front end (yours) shows the forms.
HEADLESS_ONLY = True
# Where that front end is: the links allauth mails (a password reset, say) point there.
FRONTEND_URL = env("DJANGO_FRONTEND_URL", default="http://localhost:3000")
# allauth fills in {key}.
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": FRONTEND_URL + "/account/verify-email/{key}",
    "account_reset_password": FRONTEND_URL + "/account/password/reset",
    "account_reset_password_from_key": FRONTEND_URL + "/account/password/reset/key/{key}",
    "account_signup": FRONTEND_URL + "/account/signup",
}

# Two-factor: an authenticator app's codes (TOTP), and recovery codes for a lost phone.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

# A front end on another origin (a single-page app on its own domain): list its origin in
# both. CORS lets its scripts read the answers, with cookies; CSRF trusts its form posts.
CORS_ALLOWED_ORIGINS: list[str] = env.list("DJANGO_CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True
# allauth's headers: the app's session token, and the keys of a verification or reset by link.
CORS_ALLOW_HEADERS = (
    *default_headers,
    "x-session-token",
    "x-email-verification-key",
    "x-password-reset-key",
)
CSRF_TRUSTED_ORIGINS: list[str] = env.list(
    "DJANGO_CSRF_TRUSTED_ORIGINS", default=CORS_ALLOWED_ORIGINS
)
