package org.yaraguard.review.hunt;

/**
 * One object the hunt could not judge or act on (unreadable, vanished, a rejection that failed): the hunt went on.
 *
 * @param location as in {@link HuntHit#location()}
 */
public record HuntFailure(String location, String reason) {
}
