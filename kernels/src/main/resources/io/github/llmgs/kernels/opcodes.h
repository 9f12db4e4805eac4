/* Generated from io.github.llmgs.dsl.bytecode.Opcode -- do not edit by hand. */
#ifndef LLMGS_OPCODES_H
#define LLMGS_OPCODES_H

#define OP_HALT          0 /* operands: 0 */
#define OP_MOVE          1 /* operands: 0 */
#define OP_TURN_LEFT     2 /* operands: 0 */
#define OP_TURN_RIGHT    3 /* operands: 0 */
#define OP_PUT_MARKER    4 /* operands: 0 */
#define OP_PICK_MARKER   5 /* operands: 0 */
#define OP_JUMP          6 /* operands: 1 */
#define OP_JUMP_IF_NOT   7 /* operands: 2 */
#define OP_JUMP_IF       8 /* operands: 2 */
#define OP_WHILE_CHECK   9 /* operands: 2 */
#define OP_REPEAT_PUSH  10 /* operands: 1 */
#define OP_REPEAT_NEXT  11 /* operands: 1 */

#define MAX_CODE_LENGTH 512
#define MAX_REPEAT_DEPTH 8
#define MAX_WHILES 64
#define PERCEPTIONS 5

/* io.github.llmgs.dsl.karel.Perception ids: the operand of JUMP_IF and JUMP_IF_NOT. */
#define PERCEPTION_FRONT_IS_CLEAR 0
#define PERCEPTION_LEFT_IS_CLEAR 1
#define PERCEPTION_RIGHT_IS_CLEAR 2
#define PERCEPTION_MARKERS_PRESENT 3
#define PERCEPTION_NO_MARKERS_PRESENT 4

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
