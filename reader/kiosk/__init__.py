"""Kiosk mode: what a public touch screen adds to the reader (lockdown, idle reset, admin exit,
on-screen keyboard), switched on by configuration and applied to a finished window by `mode`.
"""
