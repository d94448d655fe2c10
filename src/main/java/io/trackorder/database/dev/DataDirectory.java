package io.trackorder.database.dev;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * Makes a kept data directory startable again after a run that was killed rather than stopped
 * ({@code kill -9}, a crashed IDE): that run's server may still be running on it, or its
 * {@code postmaster.pid} may name a process id that now belongs to another program, and PostgreSQL
 * refuses to start on the directory in both cases.
 */
final class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class);
    /** The file zonky holds a lock on while a JVM uses the directory. */
    private static final String IN_USE_LOCK = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";

    private DataDirectory() {
    }

    /**
     * The port of the server that this JVM already runs on the directory, if any. A dev-mode reload
     * loads this application's classes afresh, so only the directory itself remembers that server:
     * zonky's lock on it, held by this JVM, and the port in its {@code postmaster.pid}.
     */
    static OptionalInt portOfServerInThisJvm(Path directory) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return OptionalInt.empty();
        }
        try (FileChannel channel = lockFile(directory); FileLock lock = channel.tryLock()) {
            return OptionalInt.empty();
        } catch (OverlappingFileLockException heldByThisJvm) {
            // postmaster.pid: process id, data directory, start time, port, ...
            return OptionalInt.of(Integer.parseInt(Files.readAllLines(pidFile).get(3).trim()));
        }
    }

    static void clearStalePostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        // A JVM that still runs holds the lock: its server is no orphan, and must be left alone.
        try (FileChannel channel = lockFile(directory); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL data directory " + directory
                        + " is in use by another process (another ./mvnw quarkus:dev?)");
            }
            postmaster(pidFile, directory).ifPresent(DataDirectory::stop);
            Files.deleteIfExists(pidFile);
        }
    }

    private static FileChannel lockFile(Path directory) throws IOException {
        return FileChannel.open(directory.resolve(IN_USE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * The server that the pid file names, if that process is still PostgreSQL on this directory
     * (the id may have been reused by any other process, another PostgreSQL server included).
     */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path directory) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return ProcessHandle.of(Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim()))
                    .filter(process -> process.info().commandLine()
                            .map(command -> command.contains("/postgres ") && command.contains(directory.toString()))
                            .orElse(false));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** SIGTERM, PostgreSQL's smart shutdown: its clients died with the killed JVM, so it ends at once. */
    private static void stop(ProcessHandle postmaster) {
        LOG.infof("Stopping the embedded PostgreSQL (pid %d) that a killed run left behind", postmaster.pid());
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
