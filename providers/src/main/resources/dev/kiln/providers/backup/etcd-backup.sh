#!/bin/sh
# Kiln's scheduled etcd backup, installed and updated by kiln apply: do not edit.
# Reads its settings from the environment file given as $1 (default /etc/kiln/etcd-backup.env).
# Only the node whose etcd member leads the cluster takes the backup; the others exit at once
# (unless KILN_ANY_MEMBER=1, as in the CronJob, which runs once on one control-plane node).
# Needs on the node: sh, etcdctl, kubectl, sha256sum, stat, od, date, and curl 7.75 or newer
# for an S3 destination (AWS signature version 4).
set -eu
. "${1:-/etc/kiln/etcd-backup.env}"

etcdctl_() { ETCDCTL_API=3 $KILN_ETCDCTL "$@"; }
status=$(etcdctl_ endpoint status -w json)
member=$(printf '%s' "$status" | sed -n 's/.*"member_id":\([0-9]*\).*/\1/p')
leader=$(printf '%s' "$status" | sed -n 's/.*"leader":\([0-9]*\).*/\1/p')
if [ "${KILN_ANY_MEMBER:-}" != "1" ]; then
    [ -n "$member" ] && [ "$member" = "$leader" ] || exit 0
fi
revision=$(printf '%s' "$status" | sed -n 's/.*"revision":\([0-9]*\).*/\1/p')
etcd_version=$(printf '%s' "$status" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')

id="$KILN_ID_PREFIX-$(date -u +%Y%m%dT%H%M%SZ)-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
umask 077
mkdir -p "$KILN_SCRATCH"
work="$KILN_SCRATCH/.scheduled-$id"
mkdir "$work"
trap 'rm -rf "$work"' EXIT

etcdctl_ snapshot save "$work/snapshot.db" >/dev/null
if ! $KILN_KUBECTL get $KILN_KINDS --all-namespaces -o yaml >"$work/objects.yaml"; then
    echo "kiln: could not export the Kubernetes objects; the backup holds the etcd snapshot only" >&2
    : >"$work/objects.yaml"
fi
kubernetes_version=$($KILN_KUBECTL version -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | tail -n 1 || true)
[ -n "$kubernetes_version" ] || kubernetes_version="$KILN_KUBERNETES_VERSION"
size=$(stat -c %s "$work/snapshot.db")
sha=$(sha256sum "$work/snapshot.db" | cut -d ' ' -f 1)
objects_size=$(stat -c %s "$work/objects.yaml")
objects_sha=$(sha256sum "$work/objects.yaml" | cut -d ' ' -f 1)
cat >"$work/backup.json" <<JSON
{
  "id" : "$id",
  "cluster" : "$KILN_CLUSTER",
  "kubernetes_version" : "$kubernetes_version",
  "etcd_version" : "$etcd_version",
  "etcd_revision" : $revision,
  "created" : "$created",
  "size" : $size,
  "sha256" : "$sha",
  "objects_size" : $objects_size,
  "objects_sha256" : "$objects_sha",
  "description" : "scheduled"
}
JSON

s3() {
    # s3 METHOD KEY [FILE]: one signed request; the credentials stay in a private config file.
    printf 'user = "%s:%s"\n' "$KILN_S3_ACCESS_KEY" "$KILN_S3_SECRET_KEY" >"$work/curl.conf"
    if [ $# -eq 3 ]; then
        curl -fsS -K "$work/curl.conf" --aws-sigv4 "aws:amz:$KILN_S3_REGION:s3" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -X "$1" -T "$3" "$KILN_S3_BUCKET_URL/$KILN_S3_PREFIX$2"
    else
        curl -fsS -K "$work/curl.conf" --aws-sigv4 "aws:amz:$KILN_S3_REGION:s3" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -X "$1" "$KILN_S3_BUCKET_URL/$KILN_S3_PREFIX$2"
    fi
}

case "$KILN_DESTINATION" in
fs)
    mkdir -p "$KILN_FS_PATH/.$id.tmp"
    cp "$work/snapshot.db" "$work/objects.yaml" "$work/backup.json" "$KILN_FS_PATH/.$id.tmp/"
    mv "$KILN_FS_PATH/.$id.tmp" "$KILN_FS_PATH/$id"
    for old in $(ls -1 "$KILN_FS_PATH" | grep "^$KILN_ID_PREFIX-[0-9]\{8\}T[0-9]\{6\}Z-[0-9a-f]\{4\}\$" | sort | head -n "-$KILN_KEEP"); do
        rm -f "$KILN_FS_PATH/$old/backup.json"
        rm -rf "${KILN_FS_PATH:?}/$old"
    done
    ;;
s3)
    s3 PUT "$id/snapshot.db" "$work/snapshot.db"
    s3 PUT "$id/objects.yaml" "$work/objects.yaml"
    s3 PUT "$id/backup.json" "$work/backup.json"
    printf 'user = "%s:%s"\n' "$KILN_S3_ACCESS_KEY" "$KILN_S3_SECRET_KEY" >"$work/curl.conf"
    listing=$(curl -fsS -K "$work/curl.conf" --aws-sigv4 "aws:amz:$KILN_S3_REGION:s3" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
        "$KILN_S3_BUCKET_URL?list-type=2&prefix=$(printf '%s' "$KILN_S3_PREFIX$KILN_ID_PREFIX-" | sed 's|/|%2F|g')")
    for old in $(printf '%s' "$listing" | grep -o "<Key>[^<]*/backup.json</Key>" | sed "s|<Key>$KILN_S3_PREFIX||; s|/backup.json</Key>||" \
            | grep "^$KILN_ID_PREFIX-[0-9]\{8\}T[0-9]\{6\}Z-[0-9a-f]\{4\}\$" | sort | head -n "-$KILN_KEEP"); do
        s3 DELETE "$old/backup.json" >/dev/null
        s3 DELETE "$old/snapshot.db" >/dev/null
        s3 DELETE "$old/objects.yaml" >/dev/null
    done
    ;;
*)
    echo "kiln: unknown destination $KILN_DESTINATION" >&2
    exit 1
    ;;
esac
echo "kiln: backup $id of $KILN_CLUSTER taken ($size bytes, SHA-256 $sha)"
