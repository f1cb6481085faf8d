/**
 * Checks of the deployment recipes in {@code deploy/}: the Kubernetes manifests are rendered by a small
 * kustomize subset ({@link dev.handoff.it.deploy.KustomizeRenderer}: resources, strategic-merge patches of whole
 * objects, RFC 6902 JSON patches), loaded strictly with the Kubernetes client's generated models, and
 * cross-checked against each other and against the {@code handoff} command line; the systemd units are checked
 * with {@code systemd-analyze verify} and their sample configuration against {@code handoff serve}'s options.
 * No cluster, no kustomize binary and no network are needed.
 */
package dev.handoff.it.deploy;
