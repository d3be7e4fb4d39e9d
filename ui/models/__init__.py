"""Qt item models that adapt the core's plain data to Qt's views."""
