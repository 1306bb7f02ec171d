"""route_request: the function that takes in a business's request for help and routes it
to its region's ERAC and an advisor. See docs/function.md."""
