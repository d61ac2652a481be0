"""The vanilla LangChain pipeline we compare against: RecursiveCharacterTextSplitter
(1000/200) + FAISS (LangChain defaults) + the same MiniLM model, top-k similarity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from langchain_community.vectorstores import FAISS
from langchain_core.documents import Document as LangChainDocument
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.evaluation.metrics import Span
from assistant.models import Document

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


class VanillaBaseline:
    """Chunks each document body, embeds the chunks and searches by similarity."""

    def __init__(self, documents: Sequence[Document], model_path: Path) -> None:
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True
        )
        chunks = splitter.split_documents(
            [
                LangChainDocument(
                    page_content=document.body,
                    metadata={"source_id": document.source_id, "body_start": document.body_start},
                )
                for document in documents
            ]
        )
        embeddings = HuggingFaceEmbeddings(
            model_name=str(model_path),
            model_kwargs={"device": "cpu"},
            encode_kwargs={"normalize_embeddings": True},
        )
        self.chunks = len(chunks)
        self.store = FAISS.from_documents(chunks, embeddings)

    def search(self, query: str, k: int = 10) -> list[Span]:
        """The top-k chunks as spans of their corpus files."""
        found = self.store.similarity_search(query, k=k)
        return [
            Span(
                chunk.metadata["source_id"],
                chunk.metadata["body_start"] + chunk.metadata["start_index"],
                chunk.metadata["body_start"]
                + chunk.metadata["start_index"]
                + len(chunk.page_content),
            )
            for chunk in found
        ]
