// Preloaded into the server's bin by test/hardening/crash.test.ts: on SIGUSR2, fail the way a
// bug would (CRASH_KIND: an unhandled rejection or an uncaught exception), with key material in
// the message as a database error's parameters would carry it.
process.on('SIGUSR2', () => {
  const error = new Error(
    `Failed query: select 1 where key_hash = $1\nparams: ${process.env.CRASH_SECRET}`,
  );
  if (process.env.CRASH_KIND === 'exception') {
    setTimeout(() => {
      throw error;
    });
  } else {
    Promise.reject(error);
  }
});
