/*
 * karel_reward_snake.cl -- the reward of io.github.llmgs.engine.tasks.Snake,
 * included by karel.cl.
 */
#include "karel_random.cl"

#if TASK == TASK_SNAKE
/* Snake: params [seed, foodCell]; food is redrawn from a fresh RandomState(seed) per episode. */
#define FINAL_SIZE 22

typedef struct {
    int done;
    /* body cells, oldest first; at most FINAL_SIZE + 1 live between append and trim */
    int body[FINAL_SIZE + 2];
    int bodyLength;
    int size;
    int food;
    uint seed;
    /* the episode's generator; reseeded lazily on the first draw (the same stream as the
       Java reset's reseed, without paying 624 writes in episodes that never eat) */
    int seeded;
    RandomState foodRng;
} Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->seed = (uint) params[0];
    rw->seeded = 0;
    rw->food = params[1];
    rw->size = 2;
    for (int i = 0; i < FINAL_SIZE + 2; i++) rw->body[i] = -1;
    rw->body[0] = heroCell(w);
    rw->bodyLength = 1;
    rw->done = 0;
}

int indexInBody(const Reward* rw, int cell) {
    for (int i = 0; i < rw->bodyLength; i++) {
        if (rw->body[i] == cell) return i;
    }
    return rw->bodyLength;
}

/* Whether a cell is in the body: every slot compared (those past the body hold -1), unrolled. */
static inline int inBody(const Reward* rw, int cell) {
    int found = 0;
#pragma unroll
    for (int i = 0; i < FINAL_SIZE + 2; i++) found |= rw->body[i] == cell;
    return found;
}

int drawFood(Reward* rw, const World* w, int hero) {
    if (!rw->seeded) {
        reseed(&rw->foodRng, rw->seed);
        rw->seeded = 1;
    }
    int c;
    do {
        int ym = randint(&rw->foodRng, 1, ROWS - 1);
        int xm = randint(&rw->foodRng, 1, COLS - 1);
        c = cell(ym, xm);
    } while (isWall(w, c) || c == hero || inBody(rw, c));
    return c;
}

double snakeReward(Reward* rw, World* w, __global const ulong* keyPow) {
    int hero = heroCell(w);
    double r = 0;
    if (hero == rw->food) {
        rw->size++;
        removeMarker(w, rw->food, keyPow);
        r = 1.0 / 20;
        if (rw->size == FINAL_SIZE) {
            rw->done = 1;
            return r;
        }
        rw->food = drawFood(rw, w, hero);
        addMarker(w, rw->food, keyPow);
    }
    int last = rw->body[rw->bodyLength - 1];
    if (indexInBody(rw, hero) < rw->bodyLength - 1) {
        rw->done = 1;
        return -1;
    }
    if (hero != last) {
        addMarker(w, last, keyPow);
        rw->body[rw->bodyLength++] = hero;
        if (rw->bodyLength > rw->size) {
            removeMarker(w, rw->body[0], keyPow);
            for (int i = 0; i < rw->bodyLength - 1; i++) {
                rw->body[i] = rw->body[i + 1];
            }
            rw->bodyLength--;
            rw->body[rw->bodyLength] = -1;
        }
    }
    return r;
}
#define rewardStep(rw, w, keyPow) snakeReward(rw, w, keyPow)
#endif
