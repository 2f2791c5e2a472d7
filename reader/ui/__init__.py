"""The Qt widgets of the reader: one module per view, each with its model."""
