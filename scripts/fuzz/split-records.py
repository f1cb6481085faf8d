#!/usr/bin/env python3
"""Files the RPC calls of a client capture (pcap) as Jazzer seeds of the fuzz targets.

Usage: split-records.py REPOSITORY_ROOT CAPTURE.pcap...

Reads the pcap with no package beyond the standard library: Ethernet (or Linux cooked) frames, IPv4/IPv6,
TCP streams reassembled by sequence number and cut into records by RFC 5531 record marking, UDP datagrams as
records. Only calls (message type 0) towards the server's programs are kept. Each target's seed directory
(src/test/resources/<package>/<Class>Inputs/<method>/) gets a few distinct small inputs per procedure, in the
layout that target reads (see each *FuzzTest's javadoc), named <program>-v<version>-<procedure>-<hash>.
"""
import hashlib
import os
import struct
import sys
from collections import defaultdict

PROGRAMS = {100000: "rpcbind", 100003: "nfs", 100005: "mount", 100021: "nlm", 100024: "nsm"}
NFS3 = ["NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK", "READ", "WRITE", "CREATE", "MKDIR",
        "SYMLINK", "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR", "READDIRPLUS", "FSSTAT", "FSINFO",
        "PATHCONF", "COMMIT"]
MOUNT = ["NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"]
NSM = ["NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY"]
NLM = {0: "NULL", 1: "TEST", 2: "LOCK", 3: "CANCEL", 4: "UNLOCK", 5: "GRANTED", 6: "TEST_MSG", 7: "LOCK_MSG",
       8: "CANCEL_MSG", 9: "UNLOCK_MSG", 10: "GRANTED_MSG", 11: "TEST_RES", 12: "LOCK_RES", 13: "CANCEL_RES",
       14: "UNLOCK_RES", 15: "GRANTED_RES", 20: "SHARE", 21: "UNSHARE", 22: "NM_LOCK", 23: "FREE_ALL"}
RPCBIND = {0: "NULL", 1: "SET", 2: "UNSET", 3: "GETADDR", 4: "DUMP", 5: "CALLIT", 6: "GETTIME",
           7: "UADDR2TADDR", 8: "TADDR2UADDR", 9: "GETVERSADDR", 10: "INDIRECT", 11: "GETADDRLIST", 12: "GETSTAT"}

# target -> (module, package path, class, method)
TARGETS = {
    "records": ("rpc", "dev/handoff/rpc/fuzz", "RecordMarkingFuzzTest", "recordsAreReassembledOrTheStreamIsRefused"),
    "header": ("rpc", "dev/handoff/rpc/fuzz", "CallHeaderFuzzTest", "everyRecordIsACallARefusalOrIgnored"),
    "dispatcher": ("rpc", "dev/handoff/rpc/fuzz", "DispatcherFuzzTest", "everyRecordIsAnsweredOrDroppedForADefinedReason"),
    "rpcbind": ("rpc", "dev/handoff/rpc/fuzz", "RpcbindArgumentsFuzzTest", "argumentsDecodeOrAreRefused"),
    "nsm": ("nsm", "dev/handoff/nsm/fuzz", "NsmArgumentsFuzzTest", "argumentsDecodeOrAreRefused"),
    "nlm": ("nlm", "dev/handoff/nlm/fuzz", "NlmArgumentsFuzzTest", "argumentsDecodeOrAreRefused"),
    "nfs": ("server", "dev/handoff/server/nfs3", "Nfs3ArgumentsFuzzTest", "argumentsDecodeOrAreRefused"),
    "mount": ("server", "dev/handoff/server/mount", "MountArgumentsFuzzTest", "argumentsDecodeOrAreRefused"),
    "server": ("server", "dev/handoff/server", "ServerFuzzTest", "everyRecordIsAnsweredOrDroppedForADefinedReason"),
}
ARGUMENT_TARGETS = {100000: "rpcbind", 100003: "nfs", 100005: "mount", 100021: "nlm", 100024: "nsm"}
MAX_SEED = 4096          # bytes; a larger record (a big WRITE) adds size, not coverage
PER_PROCEDURE = 3        # distinct seeds per procedure and target
STREAMS_PER_PROGRAM = 2  # record-marking seeds: TCP streams per program, cut to MAX_SEED


def proc_name(prog, vers, proc):
    if prog == 100000 and vers == 2 and proc in (3, 5):
        return {3: "GETPORT", 5: "CALLIT"}[proc]
    table = {100003: NFS3, 100005: MOUNT, 100024: NSM}.get(prog)
    if table is not None:
        return table[proc] if proc < len(table) else str(proc)
    return {100021: NLM, 100000: RPCBIND}.get(prog, {}).get(proc, str(proc))


def packets(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    at = 24
    while at + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(endian + "IIII", data[at:at + 16])
        yield linktype, data[at + 16:at + 16 + caplen]
        at += 16 + caplen


def transport(linktype, frame):
    """(proto, src, sport, dst, dport, seq, flags, payload) or None."""
    if linktype == 1:        # Ethernet
        ethertype, at = struct.unpack(">H", frame[12:14])[0], 14
    elif linktype == 113:    # Linux cooked (any)
        ethertype, at = struct.unpack(">H", frame[14:16])[0], 16
    elif linktype == 0:      # BSD loopback
        ethertype, at = (0x0800 if frame[0] in (2, 0) else 0x86dd), 4
    else:
        return None
    if ethertype == 0x0800:
        ihl = (frame[at] & 0x0f) * 4
        total = struct.unpack(">H", frame[at + 2:at + 4])[0]
        proto, src, dst = frame[at + 9], frame[at + 12:at + 16], frame[at + 16:at + 20]
        l4, end = at + ihl, at + total
    elif ethertype == 0x86dd:
        plen = struct.unpack(">H", frame[at + 4:at + 6])[0]
        proto, src, dst = frame[at + 6], frame[at + 8:at + 24], frame[at + 24:at + 40]
        l4, end = at + 40, at + 40 + plen
    else:
        return None
    if proto == 6:
        sport, dport, seq = struct.unpack(">HHI", frame[l4:l4 + 8])
        off = (frame[l4 + 12] >> 4) * 4
        return ("tcp", src, sport, dst, dport, seq, frame[l4 + 13], frame[l4 + off:end])
    if proto == 17:
        sport, dport = struct.unpack(">HH", frame[l4:l4 + 4])
        return ("udp", src, sport, dst, dport, 0, 0, frame[l4 + 8:end])
    return None


def tcp_streams(segments):
    """Payload of each direction, in sequence order, retransmissions dropped."""
    streams = {}
    for key, segs in segments.items():
        isn = None
        pieces = {}
        for seq, flags, payload in segs:
            if flags & 0x02:  # SYN
                isn = seq + 1
            elif payload:
                pieces.setdefault(seq, payload)
        if not pieces:
            continue
        start = isn if isn is not None else min(pieces)
        out, next_seq = bytearray(), start
        for seq in sorted(pieces, key=lambda s: (s - start) & 0xffffffff):
            p = pieces[seq]
            rel = (seq - next_seq) & 0xffffffff
            if rel > 0x7fffffff:      # overlaps what we have
                skip = (next_seq - seq) & 0xffffffff
                p = p[skip:] if skip < len(p) else b""
            elif rel > 0:             # a hole: stop at what arrived in order
                break
            out += p
            next_seq = (next_seq + len(p)) & 0xffffffff
        streams[key] = bytes(out)
    return streams


def records(stream):
    out, record, at = [], bytearray(), 0
    while at + 4 <= len(stream):
        header = struct.unpack(">I", stream[at:at + 4])[0]
        length = header & 0x7fffffff
        if at + 4 + length > len(stream):
            break
        record += stream[at + 4:at + 4 + length]
        at += 4 + length
        if header & 0x80000000:
            out.append(bytes(record))
            record = bytearray()
    return out


def call(record):
    """(prog, vers, proc, args offset) of a CALL, or None."""
    if len(record) < 40:
        return None
    xid, mtype, rpcvers, prog, vers, proc = struct.unpack(">IIIIII", record[:24])
    if mtype != 0 or rpcvers != 2 or prog not in PROGRAMS:
        return None
    at = 24
    for _ in range(2):  # credential, verifier
        if at + 8 > len(record):
            return None
        length = struct.unpack(">I", record[at + 4:at + 8])[0]
        at += 8 + length + (-length % 4)
    return (prog, vers, proc, at) if at <= len(record) else None


def main():
    root, pcaps = sys.argv[1], sys.argv[2:]
    segments, calls = defaultdict(list), []
    frames = [f for pcap in pcaps for f in packets(pcap)]
    for linktype, frame in frames:
        t = transport(linktype, frame)
        if t is None:
            continue
        proto, src, sport, dst, dport, seq, flags, payload = t
        if proto == "tcp":
            segments[(src, sport, dst, dport)].append((seq, flags, payload))
        elif payload:
            calls.append(payload)
    streams = tcp_streams(segments)
    per_program_streams = defaultdict(list)
    for stream in streams.values():
        recs = records(stream)
        calls.extend(recs)
        first = next((c for c in map(call, recs) if c), None)
        if first:
            per_program_streams[first[0]].append(stream)

    seeds = defaultdict(dict)  # target -> name -> bytes
    counts = defaultdict(int)

    def add(target, name, data):
        if len(data) > MAX_SEED or (target, name) in counts and counts[(target, name)] >= PER_PROCEDURE:
            return
        digest = hashlib.sha1(data).hexdigest()[:12]
        if data in seeds[target].values():
            return
        counts[(target, name)] += 1
        seeds[target][f"{name}-{digest}"] = data

    for record in calls:
        c = call(record)
        if c is None:
            continue
        prog, vers, proc, args = c
        name = f"{PROGRAMS[prog]}-v{vers}-{proc_name(prog, vers, proc)}"
        add("header", name, record)
        add("server", name, record)
        if prog == 100000:
            add("dispatcher", name, record)
        if vers < 256 and proc < 256:
            add(ARGUMENT_TARGETS[prog], name, bytes([vers, proc]) + record[args:])
    for prog, streams_of in per_program_streams.items():
        for stream in sorted(streams_of, key=len)[:STREAMS_PER_PROGRAM]:
            cut = records_prefix(stream, MAX_SEED)
            if cut:
                # byte 0: the chunk size the target cuts the stream into, less one
                for chunk in (0, 6, 255):
                    add("records", f"{PROGRAMS[prog]}-stream-chunk{chunk + 1}", bytes([chunk]) + cut)

    total = 0
    for target, files in seeds.items():
        module, package, cls, method = TARGETS[target]
        d = os.path.join(root, module, "src/test/resources", package, cls + "Inputs", method)
        os.makedirs(d, exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        total += len(files)
        print(f"{cls}: {len(files)} seeds")
    print(f"{total} seeds from {len(calls)} records in {len(streams)} TCP streams")


def records_prefix(stream, limit):
    """The longest prefix of whole fragments not over limit bytes."""
    at = 0
    while at + 4 <= len(stream):
        length = struct.unpack(">I", stream[at:at + 4])[0] & 0x7fffffff
        if at + 4 + length > limit:
            break
        at += 4 + length
    return stream[:at]


if __name__ == "__main__":
    main()
