package io.trackorder.database;

/**
 * The database did not finish a request's work within {@code music.database.timeout}. The work
 * itself goes on to its end (it commits or rolls back as a whole); only the caller stops waiting.
 */
final class DatabaseTimeout extends RuntimeException {

    DatabaseTimeout() {
        super("The database did not answer in time", null, false, false);
    }
}
