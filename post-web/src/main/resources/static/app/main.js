// the app is built in the next commits
