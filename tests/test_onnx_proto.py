"""The hand-encoded ONNX messages, read back by the onnx package's own parser and checker."""

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from assistant import bert_onnx, onnx_proto


def parsed_tensor(encoded: bytes) -> onnx.TensorProto:
    tensor = onnx.TensorProto()
    tensor.ParseFromString(encoded)
    return tensor


@pytest.mark.parametrize(
    "array",
    [
        pytest.param(np.arange(12, dtype=np.float32).reshape(3, 4) / 7, id="float-matrix"),
        pytest.param(np.arange(12, dtype=np.float32).reshape(3, 4).T, id="transposed-view"),
        pytest.param(np.array([0, 0, -1, 2**40], dtype=np.int64), id="negative-and-large-ints"),
        pytest.param(np.int64(1), id="scalar"),
    ],
)
def test_tensors_read_back_with_their_values_shape_and_name(array):
    tensor = parsed_tensor(onnx_proto.tensor("w", np.asarray(array)))
    assert tensor.name == "w"
    np.testing.assert_array_equal(numpy_helper.to_array(tensor), array)


def test_external_tensor_points_at_its_data():
    where = {"location": "weights.bin", "offset": "4096", "length": "48"}
    tensor = parsed_tensor(onnx_proto.external_tensor("w", np.dtype(np.float32), (3, 4), where))
    assert list(tensor.dims) == [3, 4]
    assert tensor.data_type == onnx.TensorProto.FLOAT
    assert tensor.data_location == onnx.TensorProto.EXTERNAL
    assert {entry.key: entry.value for entry in tensor.external_data} == where


def test_node_attributes_keep_their_types_and_signs():
    node = onnx.NodeProto()
    attributes = {"axis": -1, "epsilon": 1e-12, "perm": [0, 2, 1, 3]}
    node.ParseFromString(onnx_proto.node("Softmax", ["x", "y"], "z", attributes))
    assert (node.op_type, list(node.input), list(node.output)) == ("Softmax", ["x", "y"], ["z"])
    read = {
        attribute.name: onnx.helper.get_attribute_value(attribute) for attribute in node.attribute
    }
    assert read == {"axis": -1, "epsilon": pytest.approx(1e-12), "perm": [0, 2, 1, 3]}


@pytest.mark.slow
def test_query_graph_passes_the_onnx_checker(embedder, tmp_path):
    graph_file = bert_onnx.write_graph(embedder.path, tmp_path)
    onnx.checker.check_model(str(graph_file), full_check=True)  # weights file included
    model = onnx.load(str(graph_file), load_external_data=False)
    assert [value.name for value in model.graph.input] == ["input_ids", "attention_mask"]
    assert [value.name for value in model.graph.output] == ["embedding"]
    assert model.opset_import[0].version == bert_onnx.OPSET
