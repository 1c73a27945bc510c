package dev.arbiter.fit.gguf;

/**
 * What a tensor is for, as far as llama.cpp's quantizer cares: its {@code tensor_category} in src/llama-quant.cpp
 * (matched there by tensor name), plus the tensors it never quantizes.
 */
public enum TensorRole {
    /** {@code token_embd.weight}. */
    TOKEN_EMBD,
    /** {@code output.weight}, the LM head (absent when tied to the embedding). */
    OUTPUT,
    /** {@code attn_q.weight}. */
    ATTN_Q,
    /** {@code attn_k.weight}. */
    ATTN_K,
    /** {@code attn_v.weight}, and MLA's {@code attn_kv_b.weight}, which the quantizer treats alike. */
    ATTN_V,
    /** {@code attn_output.weight}. */
    ATTN_OUTPUT,
    /** {@code ffn_gate*}: dense, routed experts ({@code _exps}) and shared experts ({@code _shexp}). */
    FFN_GATE,
    /** {@code ffn_up*}. */
    FFN_UP,
    /** {@code ffn_down*}. */
    FFN_DOWN,
    /** Any other 2-D weight (MLA's {@code attn_q_a}, {@code attn_q_b}, {@code attn_kv_a_mqa}): the mix's default type. */
    OTHER,
    /** The MoE router {@code ffn_gate_inp.weight}: never quantized, written as F32 by convert_hf_to_gguf.py. */
    ROUTER,
    /** 1-D tensors (norm weights, biases): never quantized, F32. */
    VECTOR
}
