"""The few ONNX messages the query graph needs, in protobuf's wire format.

Field numbers are those of onnx-ml.proto (ONNX never renumbers them). Encoding these by hand
keeps the onnx package, and the half second its import takes, out of every server start; the
tests check the result with onnx's own model checker.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

IR_VERSION = 9  # the ONNX release that introduced opset 20
FLOAT, INT64 = 1, 7  # TensorProto.DataType
ELEMENT_TYPES = {np.dtype(np.float32): FLOAT, np.dtype(np.int64): INT64}
EXTERNAL = 1  # TensorProto.DataLocation
ATTRIBUTE_FLOAT, ATTRIBUTE_INT, ATTRIBUTE_INTS = 1, 2, 7  # AttributeProto.AttributeType
VARINT, LENGTH_DELIMITED, FIXED32 = 0, 2, 5  # protobuf wire types

Attribute = float | int | Sequence[int]


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64s as two's complement, as protobuf does
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _int(field: int, value: int) -> bytes:
    return _varint(field << 3 | VARINT) + _varint(value)


def _bytes(field: int, value: bytes | str) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return _varint(field << 3 | LENGTH_DELIMITED) + _varint(len(data)) + data


def _float(field: int, value: float) -> bytes:
    return _varint(field << 3 | FIXED32) + struct.pack("<f", value)


def little_endian(array: np.ndarray) -> bytes:
    """The array's values in C order and little-endian, as ONNX stores tensor data."""
    return np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()


def tensor(name: str, array: np.ndarray) -> bytes:
    """A TensorProto holding `array` (float32 or int64)."""
    dims = b"".join(_int(1, size) for size in array.shape)
    return (
        dims
        + _int(2, ELEMENT_TYPES[array.dtype])
        + _bytes(8, name)
        + _bytes(9, little_endian(array))
    )


def external_tensor(
    name: str, dtype: np.dtype, shape: Sequence[int], where: Mapping[str, str]
) -> bytes:
    """A TensorProto whose data lies in a file: `where` holds location, offset and length."""
    dims = b"".join(_int(1, size) for size in shape)
    entries = b"".join(
        _bytes(13, _bytes(1, key) + _bytes(2, value)) for key, value in where.items()
    )
    return dims + _int(2, ELEMENT_TYPES[dtype]) + _bytes(8, name) + entries + _int(14, EXTERNAL)


def _attribute(name: str, value: Attribute) -> bytes:
    if isinstance(value, float):
        return _bytes(1, name) + _int(20, ATTRIBUTE_FLOAT) + _float(2, value)
    if isinstance(value, int):
        return _bytes(1, name) + _int(20, ATTRIBUTE_INT) + _int(3, value)
    return _bytes(1, name) + _int(20, ATTRIBUTE_INTS) + b"".join(_int(8, item) for item in value)


def node(
    op_type: str, inputs: Iterable[str], output: str, attributes: Mapping[str, Attribute]
) -> bytes:
    """A NodeProto of the default domain with one output."""
    fields = [_bytes(1, name) for name in inputs] + [_bytes(2, output), _bytes(4, op_type)]
    fields += [_bytes(5, _attribute(key, value)) for key, value in attributes.items()]
    return b"".join(fields)


def value_info(name: str, element_type: int, dims: Sequence[str | int]) -> bytes:
    """A ValueInfoProto for a tensor; string dims are named (dynamic) dimensions."""
    shape = b"".join(
        _bytes(1, _bytes(2, dim) if isinstance(dim, str) else _int(1, dim)) for dim in dims
    )
    tensor_type = _int(1, element_type) + _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


def model(
    name: str,
    nodes: Sequence[bytes],
    initializers: Sequence[bytes],
    inputs: Sequence[bytes],
    outputs: Sequence[bytes],
    *,
    opset: int,
) -> bytes:
    """A ModelProto: the graph, importing the default operator set at `opset`."""
    graph = b"".join(
        [
            *(_bytes(1, item) for item in nodes),
            _bytes(2, name),
            *(_bytes(5, item) for item in initializers),
            *(_bytes(11, item) for item in inputs),
            *(_bytes(12, item) for item in outputs),
        ]
    )
    opset_import = _bytes(1, "") + _int(2, opset)
    return _int(1, IR_VERSION) + _bytes(8, opset_import) + _bytes(7, graph)
