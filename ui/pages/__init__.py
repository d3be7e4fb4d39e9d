"""The pages of the main window: sign-in, home, player, debrief (the last three load on first use)."""
