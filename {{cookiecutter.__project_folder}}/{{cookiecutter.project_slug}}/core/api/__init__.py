"""HTTP helpers shared by every module's views: the error shape and pagination."""
