package dev.handoff.it.drc;

import org.assertj.core.api.SoftAssertions;

/**
 * What a replayed reply must look like: the retransmitted xid, NFS3_OK, and data that describe the call's first
 * run: wcc_data (RFC 1813 §2.6) of the export's root directory with post-op attributes, and a pre-op mtime no
 * later than the post-op one; for CREATE and MKDIR the handle that LOOKUP finds now. Failures are collected, so
 * that every round runs and reports.
 */
final class ReplyChecks {
    private final SoftAssertions softly;
    private final long directoryId;

    ReplyChecks(SoftAssertions softly, long directoryId) {
        this.softly = softly;
        this.directoryId = directoryId;
    }

    ReplyChecks sameXid(FailoverRound.Outcome o) {
        softly.assertThat(o.reply().xid()).as("%s: xid of the reply to the retransmission", o.name())
                .isEqualTo(o.xid());
        return this;
    }

    /** The new owner counted a reply-cache hit: the reply was replayed, not produced by running the call again. */
    ReplyChecks replayed(FailoverRound.Outcome o) {
        softly.assertThat(o.cacheHits()).as("%s: reply-cache hits on the new owner (handoff_drc_hits)", o.name())
                .isGreaterThanOrEqualTo(1);
        return this;
    }

    ReplyChecks ok(FailoverRound.Outcome o) {
        softly.assertThat(o.reply().rpcError()).as("%s: RPC error", o.name()).isNull();
        softly.assertThat(o.reply().status()).as("%s: status of the retransmission (0 = NFS3_OK; 2 = NOENT and "
                + "17 = EXIST mean it ran again)", o.name()).isEqualTo(ProbeReply.NFS3_OK);
        return this;
    }

    /** The {@code index}th wcc_data of the reply describes the export's root directory, sanely. */
    ReplyChecks directory(FailoverRound.Outcome o, int index) {
        if (o.reply().wcc().size() <= index) {
            softly.fail("%s: reply has %d wcc_data, wanted #%d", o.name(), o.reply().wcc().size(), index);
            return this;
        }
        ProbeReply.Wcc wcc = o.reply().wcc().get(index);
        String what = o.name() + ": wcc_data #" + index;
        softly.assertThat(wcc.after()).as("%s post-op attributes", what).isNotNull();
        if (wcc.after() != null) {
            softly.assertThat(wcc.after().type()).as("%s type", what).isEqualTo(ProbeReply.Attributes.DIRECTORY);
            softly.assertThat(wcc.after().fileid()).as("%s fileid", what).isEqualTo(directoryId);
            if (wcc.before() != null) {
                softly.assertThat(wcc.before().mtime()).as("%s pre-op mtime vs post-op", what)
                        .isLessThanOrEqualTo(wcc.after().mtime());
            }
        }
        return this;
    }

    /** The replayed CREATE/MKDIR names the object that is there now, of {@code type}. */
    ReplyChecks sameHandle(FailoverRound.Outcome o, ProbeReply lookup, int type) {
        softly.assertThat(lookup.status()).as("%s: LOOKUP of the new object", o.name()).isZero();
        softly.assertThat(o.reply().handle()).as("%s: handle in the replayed reply vs LOOKUP now", o.name())
                .isNotNull().isEqualTo(lookup.handle());
        if (o.reply().object() != null) {
            softly.assertThat(o.reply().object().type()).as("%s: type of the new object", o.name()).isEqualTo(type);
        }
        return this;
    }
}
