package org.gfspnfs.dlm.net.msg;

import java.util.function.Function;

import io.netty.buffer.ByteBuf;

/** Wire type codes; a frame's type byte selects the decoder. Codes are part of the protocol: never renumber. */
public enum MessageType {
    HELLO(1, Hello::decode),
    ACK(2, Ack::decode),
    LOOKUP(10, Lookup::decode),
    LOOKUP_REPLY(11, LookupReply::decode),
    LOCK_REQUEST(12, LockRequest::decode),
    CONVERT_REQUEST(13, ConvertRequest::decode),
    UNLOCK_REQUEST(14, UnlockRequest::decode),
    CANCEL_REQUEST(15, CancelRequest::decode),
    LOCK_REPLY(16, LockReply::decode),
    UNLOCK_REPLY(17, UnlockReply::decode),
    CANCEL_REPLY(18, CancelReply::decode),
    GRANT(19, Grant::decode),
    BLOCKING(20, Blocking::decode),
    FAILED(21, Failed::decode),
    DIRECTORY_REMOVE(22, DirectoryRemove::decode),
    RECOVERY_MARKER(30, RecoveryMarker::decode),
    RECOVERY_DIRECTORY(31, RecoveryDirectory::decode),
    RECOVERY_LOCKS(32, RecoveryLocks::decode),
    RECOVERY_DONE(33, RecoveryDone::decode),
    RECOVERY_MASTER(34, RecoveryMaster::decode),
    WAITFOR_QUERY(40, WaitForQuery::decode),
    WAITFOR_REPLY(41, WaitForReply::decode),
    DEADLOCK_VICTIM(42, DeadlockVictim::decode);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Function<ByteBuf, Message> decoder;

    MessageType(int code, Function<ByteBuf, Message> decoder) {
        this.code = code;
        this.decoder = decoder;
    }

    public int code() {
        return code;
    }

    public Message decode(ByteBuf in) {
        return decoder.apply(in);
    }

    /** The type of a code, or a {@link MalformedMessageException}. */
    public static MessageType ofCode(int code) {
        MessageType t = code >= 0 && code < 256 ? BY_CODE[code] : null;
        if (t == null) {
            throw new MalformedMessageException("unknown message type " + code);
        }
        return t;
    }
}
