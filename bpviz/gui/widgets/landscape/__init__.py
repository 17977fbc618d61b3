"""The loss landscape's widgets: the map (heat map, contours, path, gradient arrow, colour bar) and its controls."""
