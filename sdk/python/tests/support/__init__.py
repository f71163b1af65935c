"""Test support: the live stack, the admin view of it, and stand-ins for the third-party openai/anthropic packages."""
