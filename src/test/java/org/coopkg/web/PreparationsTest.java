package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PreparationsTest {

    @Test
    void nothingIsPreparedBeforeBegin() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        Preparations preparations = new Preparations();
        preparations.add("a", () -> done.add("a"));
        // What would have run meanwhile had add() started it: the single background thread is idle.
        Thread.sleep(300);
        assertEquals(List.of(), done);
        preparations.awaitEnd();
        assertEquals(List.of(), done, "awaitEnd does not begin anything");
    }

    @Test
    void beginPreparesInTheOrderAdded() {
        List<String> done = new CopyOnWriteArrayList<>();
        Preparations preparations = new Preparations();
        Prepared<Boolean> first = preparations.add("first", () -> done.add("first"));
        Prepared<Boolean> second = preparations.add("second", () -> done.add("second"));
        preparations.begin();
        preparations.awaitEnd();
        assertEquals(List.of("first", "second"), done);
        assertTrue(first.get());
        assertTrue(second.get());
        assertEquals(List.of("first", "second"), done, "each is prepared once");
    }

    @Test
    void aRequestBeginsAPreparationItNeeds() {
        Preparations preparations = new Preparations();
        Prepared<String> value = preparations.add("the value", () -> "ready");
        assertEquals("ready", value.get());
    }

    @Test
    void aFailureReachesTheRequestWithItsMessage() {
        Preparations preparations = new Preparations();
        Prepared<String> broken = preparations.add("the catalogue", () -> {
            throw new IllegalArgumentException("no data");
        });
        preparations.begin();
        preparations.awaitEnd();
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::get);
        assertEquals("could not prepare the catalogue: no data", e.getMessage());
    }

    @Test
    void awaitEndWaitsForWhatHasBegun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        Preparations preparations = new Preparations();
        preparations.add("slow", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done.add("slow");
        });
        preparations.begin();
        Thread releaser = new Thread(() -> {
            sleep(200);
            release.countDown();
        });
        releaser.start();
        preparations.awaitEnd();
        assertEquals(List.of("slow"), done);
        releaser.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
