package org.gfspnfs.dlm.net;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import org.gfspnfs.dlm.net.msg.MalformedMessageException;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.MessageType;

/**
 * The frame format: {@code length:u32 | magic "DL" | version:u8 | type:u8 | srcNode:i32 | srcIncarnation:i64 |
 * seq:i64 | ack:i64 | epoch:i64 | body}. A frame of another version, an unknown type, a body that does not decode exactly
 * or a frame over {@link #MAX_FRAME} bytes raises {@link MalformedMessageException}; the connection is then reset.
 */
final class FrameCodec {
    /** 2: recovery markers and "phase done" carry attempts; RECOVERY_MASTER, DIRECTORY_REMOVE, NOT_MASTER added. */
    static final int VERSION = 2;
    static final int MAX_FRAME = 1 << 20;
    private static final short MAGIC = 0x444c;

    private FrameCodec() {
    }

    static LengthFieldBasedFrameDecoder framer() {
        return new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4);
    }

    static final class Encoder extends MessageToByteEncoder<Envelope> {
        @Override
        protected void encode(ChannelHandlerContext ctx, Envelope env, ByteBuf out) {
            int start = out.writerIndex();
            out.writeInt(0);
            out.writeShort(MAGIC).writeByte(VERSION).writeByte(env.message().type().code());
            out.writeInt(env.srcNode()).writeLong(env.srcIncarnation()).writeLong(env.seq()).writeLong(env.ack())
                    .writeLong(env.epoch());
            env.message().encode(out);
            out.setInt(start, out.writerIndex() - start - 4);
        }
    }

    static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            out.add(decodeFrame(in));
        }
    }

    static Envelope decodeFrame(ByteBuf in) {
        try {
            if (in.readShort() != MAGIC) {
                throw new MalformedMessageException("bad magic");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MalformedMessageException("unsupported protocol version " + version);
            }
            MessageType type = MessageType.ofCode(in.readUnsignedByte());
            int src = in.readInt();
            long inc = in.readLong();
            long seq = in.readLong();
            long ack = in.readLong();
            long epoch = in.readLong();
            Message m = type.decode(in);
            if (in.isReadable()) {
                throw new MalformedMessageException(in.readableBytes() + " trailing bytes after " + type);
            }
            return new Envelope(src, inc, seq, ack, epoch, m);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new MalformedMessageException("truncated or invalid frame: " + e.getMessage());
        }
    }
}
