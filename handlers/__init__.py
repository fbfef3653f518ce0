"""What the product does in reply: chat handlers, the mini-program API, admin API, H5 pages."""
