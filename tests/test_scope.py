import pytest

from assistant.scope import judge_scope


@pytest.mark.parametrize(
    ("question", "similarity", "reason"),
    [
        ("How do I treat a frozen shoulder?", 0.6, "other_topic"),
        ("best exercises for tennis elbow", 0.6, "other_topic"),
        ("Can neck pain cause lower back pain?", 0.6, "in_scope"),
        ("What is the capital of France?", 0.05, "low_similarity"),
        ("Is swimming good for my knees?", 0.6, "in_scope"),
        ("I have psoriasis patches on my knees. Which creams work?", 0.6, "other_topic"),
        ("My dog is limping on his back leg", 0.6, "other_topic"),
        ("Can hip problems cause knee pain?", 0.6, "in_scope"),
    ],
)
def test_judge_scope(question, similarity, reason):
    assert judge_scope(question, similarity, threshold=0.3).reason == reason
