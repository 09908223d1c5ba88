package org.gfspnfs.control.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A clientid4 as gfsctl prints it: up to 16 hex digits, optionally with 0x. */
final class ClientIdConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        try {
            if (hex.isEmpty() || hex.length() > 16) {
                throw new NumberFormatException(value);
            }
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a client id (hex, as gfsctl clients shows)");
        }
    }
}
