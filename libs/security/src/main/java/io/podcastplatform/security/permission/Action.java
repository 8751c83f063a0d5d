package io.podcastplatform.security.permission;

import java.util.Locale;

/** What a permission allows on a resource; {@code manage} implies every other action. */
public enum Action {
    CREATE, READ, UPDATE, DELETE, EXECUTE, WRITE, MANAGE;

    public static Action parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Actions that change state; a suspended tenant may perform none of them. */
    public boolean changesState() {
        return this != READ;
    }
}
