package org.yaraguard.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void everyObjectBelongsToExactlyOneShardAndTheSharesAreEven() {
        int n = 5;
        int[] sizes = new int[n];
        for (int k = 0; k < 10_000; k++) {
            StoredObject object = new StoredObject("0:2026/11/30/" + Integer.toHexString(k * 7919), "x", null, -1);
            int owners = 0;
            for (int i = 1; i <= n; i++) {
                if (new Shard(i, n).contains(object)) {
                    owners++;
                    sizes[i - 1]++;
                }
            }
            assertThat(owners).isEqualTo(1);
        }
        for (int size : sizes) {
            assertThat(size).isBetween(1800, 2200);
        }
    }

    @Test
    void aStudyKnownBeforeReadingKeepsAllItsInstancesOnOneShard() {
        Shard shard = new Shard(2, 3);
        boolean first = shard.contains(new StoredObject("a", "a", "1.2.3", -1));
        for (int k = 0; k < 100; k++) {
            assertThat(shard.contains(new StoredObject("key" + k, "x", "1.2.3", -1))).isEqualTo(first);
        }
    }

    @Test
    void parsesIOfN() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("0/4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("5/4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("2")).isInstanceOf(IllegalArgumentException.class);
    }
}
