// Training worker entry (filled in with the training session).
