"""What the product does in reply: chat handlers, the mini-program API, the admin API."""
