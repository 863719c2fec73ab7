package dev.baton.example.shop;

import dev.baton.example.shop.common.ShopRunner;

/**
 * The jar's main class: runs one node of this release with the common command-line runner,
 * {@link ShopRunner} (usage: {@code --jdbc-url URL --role web|worker|both --node-id ID [--unprotected]
 * [--rate N] [--setting key=value ...]}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        ShopRunner.main(ShopRelease.APP, args);
    }
}
