/* Generated from io.github.llmgs.dsl.bytecode.Opcode -- do not edit by hand. */
#ifndef LLMGS_OPCODES_H
#define LLMGS_OPCODES_H

#define OP_HALT          0 /* operands: 0 */
#define OP_ACT           1 /* operands: 0 */
#define OP_JUMP          2 /* operands: 1 */
#define OP_JUMP_IF_NOT   3 /* operands: 2 */
#define OP_JUMP_IF       4 /* operands: 2 */
#define OP_WHILE_CHECK   5 /* operands: 2 */
#define OP_REPEAT_PUSH   6 /* operands: 1 */
#define OP_REPEAT_NEXT   7 /* operands: 1 */

#define MAX_CODE_LENGTH 512
#define MAX_REPEAT_DEPTH 8
#define MAX_WHILES 64
#define OPCODE_BITS 8 /* an instruction word: opcode | ACT's action id << OPCODE_BITS */
#define OPCODE_MASK 255
#define FEATURE_BITS 4

/* karel action ids: ACT's operand (instruction word >> OPCODE_BITS). */
#define KAREL_ACTION_MOVE 0
#define KAREL_ACTION_TURN_LEFT 1
#define KAREL_ACTION_TURN_RIGHT 2
#define KAREL_ACTION_PUT_MARKER 3
#define KAREL_ACTION_PICK_MARKER 4

/* karel feature ids: the low FEATURE_BITS bits of a JUMP_IF / JUMP_IF_NOT condition. */
#define KAREL_FEATURE_FRONT_IS_CLEAR 0
#define KAREL_FEATURE_LEFT_IS_CLEAR 1
#define KAREL_FEATURE_RIGHT_IS_CLEAR 2
#define KAREL_FEATURE_MARKERS_PRESENT 3
#define KAREL_FEATURE_NO_MARKERS_PRESENT 4

/* minigrid action ids: ACT's operand (instruction word >> OPCODE_BITS). */
#define MINIGRID_ACTION_LEFT 0
#define MINIGRID_ACTION_RIGHT 1
#define MINIGRID_ACTION_FORWARD 2
#define MINIGRID_ACTION_PICKUP 3
#define MINIGRID_ACTION_DROP 4
#define MINIGRID_ACTION_TOGGLE 5

/* minigrid feature ids: the low FEATURE_BITS bits of a JUMP_IF / JUMP_IF_NOT condition; above them, an argument's value + 1 (0: a word that names nothing). */
#define MINIGRID_FEATURE_FRONT_IS_CLEAR 0
#define MINIGRID_FEATURE_FRONT_OBJECT_TYPE 1
#define MINIGRID_FEATURE_FRONT_OBJECT_COLOR 2
#define MINIGRID_FEATURE_IS_CARRYING_OBJECT 3

/* Opcode.operands: ints after each opcode (0 for unknown opcodes, which the dispatch rejects). */
static inline int operands(int op) {
    switch (op) {
        case OP_JUMP: return 1;
        case OP_JUMP_IF_NOT: return 2;
        case OP_JUMP_IF: return 2;
        case OP_WHILE_CHECK: return 2;
        case OP_REPEAT_PUSH: return 1;
        case OP_REPEAT_NEXT: return 1;
        default: return 0;
    }
}

#endif
