package dev.baton;

import dev.baton.spi.NodeRecord;

/** A registered node and whether it is live (heartbeat within the fleet TTL). */
public record FleetNode(NodeRecord node, boolean live) {}
