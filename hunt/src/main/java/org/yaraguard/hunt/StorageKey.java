package org.yaraguard.hunt;

import java.io.IOException;
import java.util.List;

/**
 * A storage object's key: the index of its root, ':' and its path relative to the root, '/' separated. Parsed
 * strictly: a key read back from a checkpoint can never name a path outside its root.
 */
record StorageKey(int root, List<String> names) {

    StorageKey {
        names = List.copyOf(names);
    }

    static StorageKey parse(String key) throws IOException {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IOException("not a storage key: " + key);
        }
        int root;
        try {
            root = Integer.parseInt(key.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IOException("not a storage key: " + key);
        }
        List<String> names = List.of(key.substring(colon + 1).split("/", -1));
        for (String name : names) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
                throw new IOException("not a storage key: " + key);
            }
        }
        if (root < 0) {
            throw new IOException("not a storage key: " + key);
        }
        return new StorageKey(root, names);
    }

    String relativePath() {
        return String.join("/", names);
    }

    @Override
    public String toString() {
        return root + ":" + relativePath();
    }
}
