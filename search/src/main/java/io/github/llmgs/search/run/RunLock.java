package io.github.llmgs.search.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code <run dir>/run.lock}, held while a run owns its directory, so two runs
 * (two processes, or two commands in one JVM) never write into one folder. The file holds the
 * owner's pid for the message the loser gets. The OS drops the lock when its process dies, even
 * by kill -9, so a stale file never blocks a rerun; the file itself is left in place (deleting
 * it would let a third run lock a fresh file while a second still holds the old one).
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** How often, 20 ms apart, {@link #take} tries again when the lock is held. */
    private static final int RETRIES = 10;

    /**
     * {@link #tryTake}, tried again for a moment when the lock is held: {@link #owner}, called by
     * another process looking at the folder (a sweep's status, a sweep planning its runs), holds
     * the lock for an instant to see whether anyone else does, and that must not make a run that
     * claims the folder in the same instant fail. Returns null when someone holds it throughout.
     */
    static RunLock take(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            RunLock lock = tryTake(dir);
            if (lock != null || attempt == RETRIES) return lock;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Takes the lock, or returns null when someone else holds it. */
    static RunLock tryTake(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(false);
        return new RunLock(ch, lock);
    }

    /** "pid 1234" when another run holds the directory's lock, else null. */
    static String owner(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                return "pid " + ProcessHandle.current().pid() + ", this process";
            }
            if (probe != null) {
                probe.release();
                return null;
            }
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            return null; // unreadable lock file: taking the lock will say what is wrong
        }
        try {
            return "pid " + Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock; the OS drops it at exit in any case
        }
    }
}
