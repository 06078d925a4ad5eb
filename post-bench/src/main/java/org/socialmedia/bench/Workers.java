package org.socialmedia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** N client threads repeating an operation until a deadline, optionally at a fixed total rate. */
final class Workers {

    private Workers() {
    }

    interface Operation {
        void run(int worker) throws Exception;
    }

    /** Runs for the duration; with a positive rate, operations start on an even schedule. */
    static void run(int clients, Duration duration, double operationsPerSecond, Operation operation) {
        run(clients, duration, operationsPerSecond, () -> false, operation);
    }

    /** As fast as the clients can go, until the duration is over or {@code over} says so. */
    static void run(int clients, Duration duration, BooleanSupplier over, Operation operation) {
        run(clients, duration, 0, over, operation);
    }

    private static void run(int clients, Duration duration, double operationsPerSecond, BooleanSupplier over, Operation operation) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong slots = new AtomicLong();
        long interval = operationsPerSecond > 0 ? (long) (1_000_000_000L / operationsPerSecond) : 0;
        runEach(clients, worker -> {
            while (System.nanoTime() < deadline && !over.getAsBoolean()) {
                if (interval > 0) {
                    long slot = start + slots.getAndIncrement() * interval;
                    if (slot >= deadline) {
                        return;
                    }
                    LockSupport.parkNanos(slot - System.nanoTime());
                }
                operation.run(worker);
            }
        });
    }

    /** Runs the operation once on each of N threads and waits for all. */
    static void runEach(int clients, Operation operation) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int worker = i;
                running.add(pool.submit(() -> {
                    operation.run(worker);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a client failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Splits {@code total} operations over N threads. */
    static void runCount(int clients, int total, Operation operation) {
        AtomicLong next = new AtomicLong();
        runEach(clients, worker -> {
            long i;
            while ((i = next.getAndIncrement()) < total) {
                operation.run((int) i);
            }
        });
    }
}
