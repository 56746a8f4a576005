"""Measures how fast the site is for a first visit on a phone, side by side with plain Material."""
