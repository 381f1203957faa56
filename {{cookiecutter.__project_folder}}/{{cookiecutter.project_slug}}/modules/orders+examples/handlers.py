"""What orders does when other modules' events arrive: nothing yet (subscribe here)."""
