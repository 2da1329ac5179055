#!/usr/bin/env python3
"""Reads TensorBoard event files and prints their events as JSON, one object per file.

An independent check of what convnet-ts writes: the CRC-32C is computed here from its
definition, and the protobuf messages are described at run time with google.protobuf's
descriptor_pb2 (Debian's python3-protobuf), so no code is shared with the writer.

Usage: read_events.py FILE_OR_DIR...   (directories are searched for *tfevents* files)
Exit status 1 on a corrupt record (bad length CRC, bad data CRC before the last record).
"""
import json
import math
import os
import struct
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

# ---- CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and the TFRecord mask ----------
_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


# ---- message descriptions (field numbers from tensorboard/compat/proto) --------------------
F = descriptor_pb2.FieldDescriptorProto
MESSAGES = {
    'Dim': [('size', 1, F.TYPE_INT64, None, False), ('name', 2, F.TYPE_STRING, None, False)],
    'TensorShapeProto': [('dim', 2, F.TYPE_MESSAGE, 'Dim', True),
                         ('unknown_rank', 3, F.TYPE_BOOL, None, False)],
    'TensorProto': [('dtype', 1, F.TYPE_INT32, None, False),
                    ('tensor_shape', 2, F.TYPE_MESSAGE, 'TensorShapeProto', False),
                    ('version_number', 3, F.TYPE_INT32, None, False),
                    ('tensor_content', 4, F.TYPE_BYTES, None, False),
                    ('float_val', 5, F.TYPE_FLOAT, None, True),
                    ('double_val', 6, F.TYPE_DOUBLE, None, True),
                    ('int_val', 7, F.TYPE_INT32, None, True),
                    ('string_val', 8, F.TYPE_BYTES, None, True),
                    ('int64_val', 10, F.TYPE_INT64, None, True)],
    'HistogramProto': [('min', 1, F.TYPE_DOUBLE, None, False), ('max', 2, F.TYPE_DOUBLE, None, False),
                       ('num', 3, F.TYPE_DOUBLE, None, False), ('sum', 4, F.TYPE_DOUBLE, None, False),
                       ('sum_squares', 5, F.TYPE_DOUBLE, None, False),
                       ('bucket_limit', 6, F.TYPE_DOUBLE, None, True),
                       ('bucket', 7, F.TYPE_DOUBLE, None, True)],
    'PluginData': [('plugin_name', 1, F.TYPE_STRING, None, False),
                   ('content', 2, F.TYPE_BYTES, None, False)],
    'SummaryMetadata': [('plugin_data', 1, F.TYPE_MESSAGE, 'PluginData', False),
                        ('display_name', 2, F.TYPE_STRING, None, False),
                        ('summary_description', 3, F.TYPE_STRING, None, False),
                        ('data_class', 4, F.TYPE_INT32, None, False)],
    'Value': [('node_name', 7, F.TYPE_STRING, None, False), ('tag', 1, F.TYPE_STRING, None, False),
              ('metadata', 9, F.TYPE_MESSAGE, 'SummaryMetadata', False),
              ('simple_value', 2, F.TYPE_FLOAT, None, False),
              ('histo', 5, F.TYPE_MESSAGE, 'HistogramProto', False),
              ('tensor', 8, F.TYPE_MESSAGE, 'TensorProto', False)],
    'Summary': [('value', 1, F.TYPE_MESSAGE, 'Value', True)],
    'SourceMetadata': [('writer', 1, F.TYPE_STRING, None, False)],
    'Event': [('wall_time', 1, F.TYPE_DOUBLE, None, False), ('step', 2, F.TYPE_INT64, None, False),
              ('file_version', 3, F.TYPE_STRING, None, False),
              ('graph_def', 4, F.TYPE_BYTES, None, False),
              ('summary', 5, F.TYPE_MESSAGE, 'Summary', False),
              ('meta_graph_def', 9, F.TYPE_BYTES, None, False),
              ('source_metadata', 10, F.TYPE_MESSAGE, 'SourceMetadata', False)],
}
ONEOFS = {'Event': ('what', {'file_version', 'graph_def', 'summary', 'meta_graph_def'}),
          'Value': ('value', {'simple_value', 'histo', 'tensor'})}


def build_classes():
    fdp = descriptor_pb2.FileDescriptorProto(name='tb_events_reader.proto', package='tbreader',
                                             syntax='proto3')
    for name, fields in MESSAGES.items():
        msg = fdp.message_type.add(name=name)
        oneof_name, members = ONEOFS.get(name, (None, set()))
        if oneof_name:
            msg.oneof_decl.add(name=oneof_name)
        for fname, number, ftype, type_name, repeated in fields:
            f = msg.field.add(name=fname, number=number, type=ftype,
                              label=F.LABEL_REPEATED if repeated else F.LABEL_OPTIONAL)
            if fname in members:
                f.oneof_index = 0
            if type_name:
                f.type_name = '.tbreader.' + type_name
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    factory = message_factory.MessageFactory(pool)
    return {n: factory.GetPrototype(pool.FindMessageTypeByName('tbreader.' + n)) for n in MESSAGES}


CLASSES = build_classes()


class DataLossError(Exception):
    pass


def read_records(data):
    """Yields record payloads; raises DataLossError on corruption (not on a cut-off tail)."""
    pos = 0
    while pos < len(data):
        if len(data) - pos < 12:
            return  # truncated header at the end of the file: stop, as TensorFlow does
        header = data[pos:pos + 8]
        (length,) = struct.unpack('<Q', header)
        (length_crc,) = struct.unpack('<I', data[pos + 8:pos + 12])
        if masked(crc32c(header)) != length_crc:
            raise DataLossError('length CRC mismatch at offset %d' % pos)
        payload = data[pos + 12:pos + 12 + length]
        if len(payload) < length:
            return
        footer = data[pos + 12 + length:pos + 16 + length]
        if len(footer) < 4:
            yield payload  # missing final data CRC: tolerated on the last record
            return
        if masked(crc32c(payload)) != struct.unpack('<I', footer)[0]:
            raise DataLossError('data CRC mismatch at offset %d' % pos)
        yield payload
        pos += 16 + length


DTYPES = {1: ('<f', 'float', 4), 2: ('<d', 'double', 8), 3: ('<i', 'int32', 4), 9: ('<q', 'int64', 8)}


def number(x):
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)  # JSON has no NaN/Infinity
    return x


def tensor_values(t):
    shape = [d.size for d in t.tensor_shape.dim]
    if t.dtype == 7:
        return shape, [s.decode('utf-8', 'replace') for s in t.string_val]
    fmt, _, size = DTYPES.get(t.dtype, (None, None, None))
    if t.tensor_content and fmt:
        values = [v[0] for v in struct.iter_unpack(fmt, t.tensor_content)]
    else:
        values = list(t.float_val) or list(t.double_val) or list(t.int_val) or list(t.int64_val)
    return shape, [number(v) for v in values]


def describe_value(v):
    out = {'tag': v.tag}
    if v.HasField('metadata'):
        out['plugin'] = v.metadata.plugin_data.plugin_name
        out['plugin_content'] = v.metadata.plugin_data.content.decode('latin-1')
        out['data_class'] = v.metadata.data_class
    kind = v.WhichOneof('value')
    if kind == 'simple_value':
        out['simple_value'] = number(v.simple_value)
    elif kind == 'tensor':
        shape, values = tensor_values(v.tensor)
        out['tensor'] = {'dtype': v.tensor.dtype, 'shape': shape, 'values': values}
    elif kind == 'histo':
        out['histo'] = json_format.MessageToDict(v.histo, preserving_proto_field_name=True)
    return out


def read_file(path):
    with open(path, 'rb') as f:
        data = f.read()
    events = []
    for payload in read_records(data):
        e = CLASSES['Event']()
        e.ParseFromString(payload)
        item = {'wall_time': e.wall_time, 'step': e.step}
        kind = e.WhichOneof('what')
        if kind == 'file_version':
            item['file_version'] = e.file_version
        elif kind == 'summary':
            item['summary'] = [describe_value(v) for v in e.summary.value]
        elif kind is not None:
            item[kind] = True
        events.append(item)
    return {'path': path, 'events': events}


def event_files(target):
    if os.path.isdir(target):
        for root, _, names in sorted(os.walk(target)):
            for name in sorted(names):
                if 'tfevents' in name:
                    yield os.path.join(root, name)
    else:
        yield target


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        files = [read_file(p) for t in argv for p in event_files(t)]
    except DataLossError as e:
        print('read_events: %s' % e, file=sys.stderr)
        return 1
    print(json.dumps(files, indent=1))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
