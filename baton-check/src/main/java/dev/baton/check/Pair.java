package dev.baton.check;

/**
 * One job type as an older release declared it and as the build declares it: what every per-type rule
 * looks at.
 *
 * @param old the older release's declaration
 * @param now the build's declaration; its type name differs from {@code old}'s when the build renamed the
 *     type and kept the old name as an alias
 * @param oldRelease the older release's label, named in explanations
 * @param buildRelease the build's label
 * @param live the live store's state, {@code null} when not given
 */
record Pair(TypeDeclaration old, TypeDeclaration now, String oldRelease, String buildRelease, LiveState live) {

    String type() {
        return now.type();
    }

    /** For explanations: {@code release 2026.11.2}. */
    String release() {
        return "release " + oldRelease;
    }

    /**
     * Whether some live node still runs an older release's worker for the type: a node of another release
     * than the build's that knows it. TRUE/FALSE with live state, {@code null} without.
     */
    Boolean noOldWorkerLive() {
        return Gates.answer(live, state -> state.otherReleasesKnowing(type(), buildRelease).isEmpty());
    }

    /** The step every "new payload -> old worker" plan starts with. */
    Step deployWorkersFirst() {
        return new Step(Gates.DEPLOY_WORKERS_FIRST, Gates.FLEET, noOldWorkerLive());
    }
}
