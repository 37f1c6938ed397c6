UPDATE users SET email = name || '@example.com' WHERE email IS NULL;
