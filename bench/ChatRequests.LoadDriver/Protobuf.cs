namespace ChatRequests.LoadDriver;

/// <summary>
/// Just enough of the protobuf wire format to count repeated message fields along a path of field numbers (OTLP's
/// nesting), without the generated types: varints, fixed 32/64-bit values and length-delimited fields.
/// </summary>
internal static class Protobuf
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    /// <summary>How many fields the path reaches: <c>[1, 2, 2]</c> counts every field 2 of every field 2 of every field 1.</summary>
    public static long CountAt(ReadOnlySpan<byte> message, ReadOnlySpan<int> path)
    {
        long count = 0;
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case Varint:
                    ReadVarint(message, ref position);
                    break;
                case Fixed64:
                    position += 8;
                    break;
                case Fixed32:
                    position += 4;
                    break;
                case LengthDelimited:
                    var length = checked((int)ReadVarint(message, ref position));
                    if (field == path[0])
                    {
                        count += path.Length == 1 ? 1 : CountAt(message.Slice(position, length), path[1..]);
                    }

                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {key & 7} at byte {position}.");
            }
        }

        return count;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint longer than 10 bytes.");
    }
}
