//! A minimal HTTP/1.1 client for tests against a real listener (one request per
//! connection, `Connection: close`).
