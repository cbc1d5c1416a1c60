// A small PNG reader, enough to check the app icons: 8-bit greyscale, RGB, grey+alpha and RGBA,
// non-interlaced (what image editors and draw-icons.py write). Anything else is refused, not guessed.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes a PNG into { width, height, pixels } with pixels as RGBA bytes, row by row. */
export function decodePng(buffer) {
    if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) {
        throw new Error('not a PNG file');
    }
    let header;
    const data = [];
    for (let at = 8; at < buffer.length;) {
        const length = buffer.readUInt32BE(at);
        const type = buffer.toString('latin1', at + 4, at + 8);
        const body = buffer.subarray(at + 8, at + 8 + length);
        if (type === 'IHDR') header = readHeader(body);
        if (type === 'IDAT') data.push(body);
        if (type === 'IEND') break;
        at += 12 + length;
    }
    if (!header) throw new Error('PNG has no IHDR chunk');
    const channels = CHANNELS[header.colorType];
    if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
        throw new Error(`unsupported PNG (bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace}): save it as 8-bit RGB or RGBA, not interlaced`);
    }
    const raw = unfilter(inflateSync(Buffer.concat(data)), header.width, header.height, channels);
    return { width: header.width, height: header.height, pixels: toRgba(raw, channels) };
}

function readHeader(body) {
    return {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colorType: body[9],
        interlace: body[12],
    };
}

function unfilter(raw, width, height, bpp) {
    const stride = width * bpp;
    if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated');
    const out = Buffer.alloc(height * stride);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const row = y * stride;
        for (let x = 0; x < stride; x++) {
            const left = x >= bpp ? out[row + x - bpp] : 0;
            const up = y > 0 ? out[row - stride + x] : 0;
            const upLeft = y > 0 && x >= bpp ? out[row - stride + x - bpp] : 0;
            out[row + x] = (line[x] + predict(filter, left, up, upLeft)) & 0xff;
        }
    }
    return out;
}

function predict(filter, left, up, upLeft) {
    switch (filter) {
        case 0: return 0;
        case 1: return left;
        case 2: return up;
        case 3: return (left + up) >> 1;
        case 4: return paeth(left, up, upLeft);
        default: throw new Error(`bad PNG filter type ${filter}`);
    }
}

function paeth(a, b, c) {
    const p = a + b - c;
    const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function toRgba(raw, channels) {
    const count = raw.length / channels;
    const rgba = Buffer.alloc(count * 4);
    for (let i = 0; i < count; i++) {
        const p = raw.subarray(i * channels, (i + 1) * channels);
        const [r, g, b] = channels >= 3 ? [p[0], p[1], p[2]] : [p[0], p[0], p[0]];
        const a = channels === 4 ? p[3] : channels === 2 ? p[1] : 255;
        rgba.set([r, g, b, a], i * 4);
    }
    return rgba;
}
