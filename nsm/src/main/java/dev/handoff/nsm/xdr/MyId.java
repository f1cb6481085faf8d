package dev.handoff.nsm.xdr;

import java.util.Objects;

/**
 * {@code struct my_id}: who asked for a watch and where to call it back. The Linux kernel's lockd registers
 * program 100021, version 3, procedure 16 (its private NLMPROC_NSM_NOTIFY); the callback's argument is a
 * {@link CallbackStatus}. Also the argument of SM_UNMON_ALL.
 *
 * @param myName  the caller's host name
 * @param myProg  program number of the callback
 * @param myVers  its version
 * @param myProc  its procedure
 */
public record MyId(String myName, int myProg, int myVers, int myProc) {
    public MyId {
        Objects.requireNonNull(myName, "myName");
    }
}
