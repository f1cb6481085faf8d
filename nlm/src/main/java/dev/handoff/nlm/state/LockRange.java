package dev.handoff.nlm.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a POSIX lock covers: {@code [start, end]}, both inclusive and unsigned 64-bit (XNFS §10, nlm4_lock
 * {@code l_offset}/{@code l_len}). Keeping the inclusive end rather than a length means "to end of file" (NLM length
 * 0) is simply {@code end = 2^64-1} and no arithmetic here can overflow.
 */
public record LockRange(long start, long end) {
    /** 2^64-1 as an unsigned long: the last byte a lock can cover. */
    public static final long MAX = -1L;
    public static final LockRange WHOLE_FILE = new LockRange(0, MAX);

    public LockRange {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("range start " + Long.toUnsignedString(start) + " after its end "
                    + Long.toUnsignedString(end));
        }
    }

    /**
     * The range of an NLM request. Length 0 means "to the end of the file". A range that would run past 2^64-1 is cut
     * there, as lockd does (fs/lockd: an overflowing end becomes OFFSET_MAX): the bytes beyond cannot exist.
     */
    public static LockRange of(long offset, long length) {
        if (length == 0 || Long.compareUnsigned(length - 1, MAX - offset) > 0) {
            return new LockRange(offset, MAX);
        }
        return new LockRange(offset, offset + length - 1);
    }

    /** The NLM offset. */
    public long offset() {
        return start;
    }

    /** The NLM length: 0 when the range reaches 2^64-1 (its true length, 2^64 - start, may not fit in 64 bits). */
    public long length() {
        return end == MAX ? 0 : end - start + 1;
    }

    public boolean overlaps(LockRange other) {
        return Long.compareUnsigned(start, other.end) <= 0 && Long.compareUnsigned(other.start, end) <= 0;
    }

    /** Overlapping or adjacent: the two ranges form one contiguous range (POSIX merges such same-type locks). */
    public boolean touches(LockRange other) {
        return overlaps(other) || (end != MAX && end + 1 == other.start)
                || (other.end != MAX && other.end + 1 == start);
    }

    public boolean contains(LockRange other) {
        return Long.compareUnsigned(start, other.start) <= 0 && Long.compareUnsigned(other.end, end) <= 0;
    }

    /** The smallest range holding both; meant for ranges that {@link #touches touch}. */
    public LockRange span(LockRange other) {
        long s = Long.compareUnsigned(start, other.start) <= 0 ? start : other.start;
        long e = Long.compareUnsigned(end, other.end) >= 0 ? end : other.end;
        return new LockRange(s, e);
    }

    /** What is left of this range once {@code cut} is taken out: none, one or two pieces, in order. */
    public List<LockRange> minus(LockRange cut) {
        List<LockRange> rest = new ArrayList<>(2);
        if (!overlaps(cut)) {
            rest.add(this);
            return rest;
        }
        if (Long.compareUnsigned(start, cut.start) < 0) {
            rest.add(new LockRange(start, cut.start - 1));
        }
        if (Long.compareUnsigned(cut.end, end) < 0) {
            rest.add(new LockRange(cut.end + 1, end));
        }
        return rest;
    }

    /** NLM form, {@code offset+length}, with {@code eof} for length 0. */
    @Override
    public String toString() {
        return Long.toUnsignedString(start) + "+" + (end == MAX ? "eof" : Long.toUnsignedString(length()));
    }
}
