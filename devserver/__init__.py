"""The local stack: the built site and the request endpoint on one origin (``make dev``)."""
