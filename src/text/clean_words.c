/* clean_words.c - the word classes the cleaners use as features (function
 * words, page-furniture vocabulary) and the features of one line of text.
 * The lists are constant data, shared by all threads. */
#include <string.h>
#include "clean_internal.h"

/* The word lists as a hash table: FNV-1a (32 bit) of the lowercase word,
 * slot = hash % WORD_SLOTS with linear probing, and the word's classes (the
 * lookups are most of the plain-text cleaner's time, so no string compares).
 * Classes: WC_STOP, English function words frequent in news prose; WC_UI,
 * words of page furniture (labels, prompts, buttons: one feature among many,
 * a report may say "share" too); WC_STRONG, furniture words a report almost
 * never uses. To add a word, put {fnv1a32(word), classes} in the first free
 * slot from its hash and its bit in word_shapes; clean_words_table_ok() (run by the tests) checks that
 * every entry is reachable. */
#define WC_STOP 1
#define WC_UI 2
#define WC_STRONG 4
#define WORD_SLOTS 1024
#define WORD_MAX_LEN 13
#define FNV_OFFSET 0x811c9dc5u
#define FNV_PRIME 0x01000193u
typedef struct word_class { uint32_t hash; uint8_t classes; } word_class;
static const word_class word_table[WORD_SLOTS] = {
    [8] = {0xd4ee4008u, 1}, /* these */
    [16] = {0x47388410u, 1}, /* it */
    [20] = {0x621cd814u, 1}, /* do */
    [23] = {0x42521417u, 1}, /* so */
    [25] = {0x63e1d819u, 1}, /* last */
    [26] = {0x6a99dc1au, 6}, /* newsletter */
    [27] = {0xe5185c1au, 1}, /* than */
    [36] = {0x42454824u, 1}, /* to */
    [41] = {0xbe248829u, 1}, /* two */
    [42] = {0xc5c23c2au, 1}, /* should */
    [43] = {0xf8aa942au, 1}, /* those */
    [44] = {0xee7a3c2cu, 2}, /* terms */
    [47] = {0x856e942fu, 1}, /* what */
    [56] = {0xa9c9fc38u, 2}, /* share */
    [60] = {0xa710dc3cu, 2}, /* top */
    [61] = {0x7acd603du, 2}, /* gallery */
    [62] = {0x2db6483eu, 1}, /* could */
    [64] = {0xb526ec40u, 2}, /* see */
    [66] = {0xac9a7c42u, 2}, /* stories */
    [71] = {0x7ea66847u, 2}, /* privacy */
    [77] = {0x2c29f04du, 1}, /* any */
    [78] = {0x406f344du, 1}, /* are */
    [81] = {0x300d5451u, 2}, /* discussion */
    [88] = {0x4724fc58u, 2}, /* ad */
    [89] = {0x056c1458u, 1}, /* where */
    [94] = {0x67a6c45eu, 2}, /* comment */
    [99] = {0xc2cbd863u, 2}, /* play */
    [101] = {0xef131c65u, 2}, /* caption */
    [103] = {0xcbfd3c67u, 1}, /* their */
    [104] = {0x69343c68u, 1}, /* of */
    [111] = {0x5c7ea86fu, 2}, /* click */
    [113] = {0xf3611c71u, 1}, /* some */
    [121] = {0x06333079u, 2}, /* alamy */
    [122] = {0xc922bc79u, 2}, /* join */
    [123] = {0xfd8fc87au, 1}, /* through */
    [128] = {0x382ba080u, 1}, /* be */
    [132] = {0xe95ad084u, 2}, /* credit */
    [135] = {0xfd0c5087u, 2}, /* x */
    [138] = {0x29b19c8au, 1}, /* not */
    [141] = {0x5e25208du, 1}, /* as */
    [142] = {0x01c3ac8du, 1}, /* how */
    [148] = {0x542bcc94u, 1}, /* by */
    [149] = {0x58dd8494u, 6}, /* subscription */
    [155] = {0xaf0b489bu, 2}, /* reuters */
    [156] = {0x50b8d09cu, 1}, /* you */
    [158] = {0x25d6089eu, 6}, /* advertisement */
    [169] = {0x803328a9u, 2}, /* search */
    [176] = {0xe08884b0u, 2}, /* photos */
    [178] = {0xb3e79cb2u, 2}, /* story */
    [183] = {0x68cc88b7u, 2}, /* loading */
    [191] = {0x77a740bfu, 6}, /* cookie */
    [192] = {0x5473c0c0u, 2}, /* leave */
    [193] = {0x296d44c0u, 2}, /* sponsored */
    [198] = {0x799e5cc6u, 2}, /* posted */
    [203] = {0xfdd2b0cbu, 1}, /* his */
    [206] = {0x0dc628ceu, 1}, /* while */
    [226] = {0x08d2ece2u, 1}, /* which */
    [229] = {0xbd300ce5u, 2}, /* reddit */
    [248] = {0xdba4f4f8u, 2}, /* view */
    [255] = {0xd822d4ffu, 1}, /* they */
    [259] = {0x73930103u, 2}, /* epa */
    [271] = {0x6a64a90fu, 2}, /* editing */
    [281] = {0x7f778519u, 1}, /* when */
    [284] = {0xbc03351cu, 1}, /* said */
    [285] = {0xae7f4d1cu, 1}, /* year */
    [286] = {0x5fa1811eu, 2}, /* popular */
    [291] = {0x4303b923u, 2}, /* contact */
    [292] = {0x284b0124u, 6}, /* cookies */
    [296] = {0x147aa128u, 1}, /* each */
    [297] = {0xf45be528u, 2}, /* previous */
    [300] = {0xe40c292cu, 1}, /* a */
    [301] = {0xc7eb512cu, 1}, /* were */
    [304] = {0x20861530u, 2}, /* updated */
    [305] = {0x5c6e7131u, 2}, /* facebook */
    [306] = {0xfb532132u, 1}, /* most */
    [314] = {0x99e4dd3au, 2}, /* menu */
    [318] = {0xb90ded3eu, 2}, /* copyright */
    [319] = {0xd762953eu, 1}, /* did */
    [331] = {0x3935f94bu, 6}, /* newsletters */
    [335] = {0xbab5214fu, 1}, /* until */
    [336] = {0xdf66914fu, 2}, /* writing */
    [337] = {0x3f515151u, 2}, /* log */
    [342] = {0xe76f8d56u, 2}, /* telegram */
    [349] = {0xb8ebd55du, 1}, /* there */
    [350] = {0x2622055eu, 1}, /* such */
    [354] = {0x7ac4d962u, 1}, /* would */
    [357] = {0xf0743965u, 1}, /* can */
    [372] = {0x576cc974u, 1}, /* told */
    [379] = {0xe88db17bu, 2}, /* instagram */
    [380] = {0xd12fe57cu, 1}, /* much */
    [388] = {0x5d342984u, 1}, /* or */
    [390] = {0x9da4e586u, 2}, /* google */
    [391] = {0xd6a2e186u, 1}, /* may */
    [392] = {0x57251588u, 1}, /* at */
    [396] = {0xf4b48d8cu, 1}, /* her */
    [397] = {0x10106d8du, 1}, /* will */
    [399] = {0x07531d8fu, 2}, /* browser */
    [408] = {0xe7307d98u, 2}, /* trending */
    [409] = {0xe0613999u, 2}, /* audio */
    [413] = {0x74fb659du, 1}, /* however */
    [414] = {0xb536a99du, 1}, /* since */
    [418] = {0x5bb421a2u, 2}, /* back */
    [419] = {0x269ec5a3u, 2}, /* podcast */
    [432] = {0x20dc1db0u, 1}, /* does */
    [448] = {0x2d6871c0u, 2}, /* register */
    [452] = {0xec0c35c4u, 1}, /* i */
    [457] = {0x1b6e7dc9u, 1}, /* after */
    [459] = {0x213b65cbu, 2}, /* here */
    [461] = {0xf10c81cdu, 2}, /* videos */
    [480] = {0xe85541e0u, 1}, /* more */
    [481] = {0xe92df9e1u, 1}, /* she */
    [488] = {0x5cb68de8u, 2}, /* next */
    [494] = {0xadbcc5eeu, 2}, /* minutes */
    [495] = {0xba2719efu, 1}, /* one */
    [498] = {0x16e2c1f2u, 1}, /* was */
    [501] = {0xc87d8df5u, 1}, /* other */
    [503] = {0x9d9e89f7u, 1}, /* only */
    [506] = {0xb35135fau, 2}, /* image */
    [514] = {0x3684a602u, 2}, /* feedback */
    [515] = {0xaf9e4a03u, 6}, /* subscribe */
    [518] = {0x37e6ca06u, 2}, /* conversation */
    [519] = {0x39386e06u, 1}, /* if */
    [520] = {0xc3f46e07u, 2}, /* whatsapp */
    [527] = {0x31f6520fu, 1}, /* over */
    [529] = {0x93f82a11u, 2}, /* shares */
    [537] = {0x51fb8e19u, 6}, /* bookmark */
    [540] = {0xb40eb21cu, 1}, /* the */
    [542] = {0xaed4861eu, 2}, /* bloomberg */
    [551] = {0x29931627u, 2}, /* reply */
    [552] = {0x5fb7b228u, 2}, /* watch */
    [556] = {0xdd4ec22cu, 2}, /* scroll */
    [568] = {0xee3c7a38u, 2}, /* related */
    [574] = {0xb323923eu, 1}, /* about */
    [580] = {0xb1727e44u, 2}, /* continue */
    [581] = {0xe562ea44u, 2}, /* copy */
    [582] = {0xc338be44u, 2}, /* twitter */
    [583] = {0x89e7fa47u, 2}, /* post */
    [584] = {0xccff7e48u, 2}, /* save */
    [617] = {0x0ddb0669u, 2}, /* link */
    [618] = {0x0c4afe69u, 1}, /* with */
    [625] = {0xfb96d671u, 2}, /* photograph */
    [632] = {0x5c0d8278u, 2}, /* editor */
    [639] = {0xcec0fa7fu, 2}, /* policy */
    [641] = {0xda2bd281u, 1}, /* this */
    [648] = {0x7bb48a88u, 1}, /* during */
    [649] = {0x16378a88u, 2}, /* print */
    [654] = {0xd2c8c28eu, 2}, /* home */
    [655] = {0x2af42a8fu, 1}, /* who */
    [658] = {0xe2befe92u, 1}, /* had */
    [670] = {0x41387a9eu, 1}, /* in */
    [671] = {0xb7c5ca9eu, 2}, /* youtube */
    [674] = {0xea81eea2u, 1}, /* both */
    [675] = {0xaaf74aa2u, 2}, /* tap */
    [678] = {0x0f29c2a6u, 1}, /* and */
    [679] = {0x3b3b76a6u, 2}, /* listen */
    [683] = {0xd1d746abu, 2}, /* images */
    [684] = {0x74fda2acu, 2}, /* recommended */
    [685] = {0x0baf62adu, 2}, /* reporting */
    [703] = {0x7afe4abfu, 2}, /* linkedin */
    [704] = {0xfdcadebfu, 2}, /* replies */
    [707] = {0xa65b72c3u, 1}, /* been */
    [717] = {0x89193acdu, 1}, /* under */
    [725] = {0x0bd2c6d5u, 1}, /* him */
    [727] = {0x5886d2d7u, 2}, /* comments */
    [739] = {0x812716e3u, 2}, /* photo */
    [742] = {0x4124f2e6u, 1}, /* an */
    [759] = {0x28b19af7u, 2}, /* now */
    [765] = {0xd4b5cafdu, 2}, /* reserved */
    [768] = {0x36eae700u, 1}, /* against */
    [776] = {0x6a430b08u, 1}, /* being */
    [778] = {0x333d830au, 2}, /* afp */
    [789] = {0x4e388f15u, 1}, /* is */
    [790] = {0x07072b15u, 2}, /* topics */
    [798] = {0x01c7671eu, 2}, /* articles */
    [800] = {0x481dab20u, 2}, /* getty */
    [801] = {0x43430b20u, 1}, /* up */
    [802] = {0xe3a0c322u, 2}, /* rights */
    [803] = {0x27cb3b23u, 2}, /* close */
    [804] = {0x2f91a723u, 1}, /* into */
    [808] = {0xc508c328u, 1}, /* must */
    [812] = {0x1f6a832cu, 2}, /* app */
    [813] = {0xcb18332cu, 1}, /* that */
    [818] = {0xc97f2f32u, 6}, /* login */
    [822] = {0x0be7cf36u, 2}, /* like */
    [825] = {0xa91a3339u, 1}, /* our */
    [830] = {0x3845ff3eu, 1}, /* before */
    [835] = {0xaaea5743u, 2}, /* file */
    [850] = {0xcec76752u, 1}, /* also */
    [857] = {0x17676759u, 2}, /* article */
    [859] = {0xe330335bu, 1}, /* because */
    [873] = {0x8b49c769u, 2}, /* advertising */
    [874] = {0x38e70f69u, 2}, /* minute */
    [876] = {0xcef90b6cu, 2}, /* video */
    [879] = {0xa4ee076fu, 1}, /* between */
    [880] = {0x5b6c4f70u, 2}, /* follow */
    [908] = {0x60d56f8cu, 1}, /* but */
    [932] = {0x0cbc8ba4u, 2}, /* sign */
    [937] = {0x5c47afa9u, 1}, /* we */
    [945] = {0x2a38f7b1u, 2}, /* ads */
    [946] = {0xc0d3c7b1u, 2}, /* pinterest */
    [950] = {0x5c3ae3b6u, 1}, /* he */
    [960] = {0x3f24efc0u, 1}, /* al */
    [962] = {0x416b7bc2u, 2}, /* skip */
    [964] = {0x13254bc4u, 2}, /* all */
    [965] = {0xcedfa3c5u, 2}, /* read */
    [967] = {0x8a8753c7u, 2}, /* email */
    [976] = {0x61342fd0u, 1}, /* on */
    [980] = {0x5b251bd4u, 2}, /* ap */
    [985] = {0x80f867d9u, 1}, /* its */
    [995] = {0xedbf0fe3u, 1}, /* has */
    [996] = {0xe422e7e3u, 1}, /* them */
    [1001] = {0xaada77e9u, 1}, /* says */
    [1002] = {0x8c8ea7eau, 2}, /* tweet */
    [1017] = {0x3108b3f9u, 2}, /* download */
    [1019] = {0xf5ce03fbu, 1}, /* have */
};

/* A cheap filter in front of the hash: bit len of word_shapes[first][last]
 * is set when a listed word has that first letter, last letter and length.
 * Most words of a text fail it and are never hashed. To add a word, set its
 * bit here too. */
static const uint16_t word_shapes[26][26] = {
    {0x0002, 0x0000, 0x0000, 0x000c, 0x0088, 0x0000, 0x0800, 0x0000, 0x0000, 0x0000, 0x0000, 0x000c, 0x0000, 0x0004, 0x0030, 0x000c, 0x0000, 0x0020, 0x010c, 0x20a4, 0x0000, 0x0000, 0x0000, 0x0000, 0x0028, 0x0000}, /* a */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x00c4, 0x0000, 0x0220, 0x0010, 0x0000, 0x0000, 0x0110, 0x0000, 0x0000, 0x0090, 0x0000, 0x0000, 0x0000, 0x0080, 0x0000, 0x0008, 0x0000, 0x0000, 0x0000, 0x0000, 0x0004, 0x0000}, /* b */
    {0x0000, 0x0000, 0x0000, 0x0020, 0x0160, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000, 0x0000, 0x1088, 0x0000, 0x0000, 0x0000, 0x0000, 0x0180, 0x02c0, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000}, /* c */
    {0x0000, 0x0000, 0x0000, 0x0108, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0400, 0x0004, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* d */
    {0x0008, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0080, 0x0010, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* e */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0100, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000}, /* f */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x00a0, 0x0000}, /* g */
    {0x0000, 0x0000, 0x0000, 0x0008, 0x0014, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0008, 0x0000, 0x0000, 0x0000, 0x0000, 0x0088, 0x0008, 0x0000, 0x0000, 0x0000, 0x0008, 0x0000, 0x0000, 0x0000}, /* h */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0004, 0x0000, 0x0000, 0x0002, 0x0000, 0x0000, 0x0000, 0x0200, 0x0004, 0x0010, 0x0000, 0x0000, 0x0000, 0x004c, 0x0004, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* i */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* j */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* k */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0030, 0x0000, 0x0088, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0160, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* l */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0050, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0080, 0x0010, 0x0010, 0x0000, 0x0000, 0x0000, 0x0008, 0x0000}, /* m */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0400, 0x0800, 0x0018, 0x0000, 0x0000, 0x0008, 0x0000, 0x0000, 0x0000}, /* n */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0008, 0x0004, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0004, 0x0000, 0x0000, 0x0000, 0x003c, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000}, /* o */
    {0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000, 0x0400, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000, 0x0000, 0x0080, 0x0140, 0x02b0, 0x0000, 0x0000, 0x0000, 0x0000, 0x00d0, 0x0000}, /* p */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* q */
    {0x0000, 0x0000, 0x0000, 0x0990, 0x0000, 0x0000, 0x0200, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0100, 0x00c0, 0x0040, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000}, /* r */
    {0x0000, 0x0000, 0x0000, 0x0250, 0x0238, 0x0000, 0x0000, 0x0050, 0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x1010, 0x0004, 0x0010, 0x0000, 0x0000, 0x00d0, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000}, /* s */
    {0x0000, 0x0000, 0x0000, 0x0010, 0x0028, 0x0000, 0x0100, 0x0080, 0x0000, 0x0000, 0x0000, 0x0000, 0x0110, 0x0010, 0x000c, 0x0008, 0x0000, 0x00a0, 0x0070, 0x0030, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000}, /* t */
    {0x0000, 0x0000, 0x0000, 0x0080, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000, 0x0000, 0x0000, 0x0004, 0x0000, 0x0020, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* u */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0020, 0x0000, 0x0000, 0x0000, 0x0040, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0000}, /* v */
    {0x0000, 0x0000, 0x0000, 0x0020, 0x0034, 0x0000, 0x0080, 0x0030, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0010, 0x0008, 0x0100, 0x0000, 0x0000, 0x0008, 0x0010, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* w */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0002, 0x0000, 0x0000}, /* x */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0080, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0010, 0x0000, 0x0000, 0x0008, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* y */
    {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, /* z */
};

static int shape_listed(unsigned char first, unsigned char last, size_t n) {
    return (word_shapes[(first | 32) - 'a'][(last | 32) - 'a'] >> n) & 1;
}

static uint32_t hash_lower(const unsigned char *w, size_t n) {
    uint32_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) h = (h ^ (w[i] | 32u)) * FNV_PRIME;
    return h;
}

static int lookup_hash(uint32_t h) {
    for (uint32_t i = h % WORD_SLOTS; word_table[i].classes; i = (i + 1) % WORD_SLOTS)
        if (word_table[i].hash == h) return word_table[i].classes;
    return 0;
}

int clean_words_table_ok(void) {
    for (uint32_t i = 0; i < WORD_SLOTS; i++)
        if (word_table[i].classes && lookup_hash(word_table[i].hash) != word_table[i].classes) return 0;
    return 1;
}

/* Classes of the ASCII word w (any case); 0 for anything else. */
static int word_classes(const char *w, size_t n) {
    if (n == 0 || n > WORD_MAX_LEN) return 0;
    const unsigned char *u = (const unsigned char *)w;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i] | 32;
        if (c < 'a' || c > 'z') return 0;
    }
    return shape_listed(u[0], u[n - 1], n) ? lookup_hash(hash_lower(u, n)) : 0;
}

int word_is_stop(const char *w, size_t n) { return (word_classes(w, n) & WC_STOP) != 0; }
int word_is_ui(const char *w, size_t n) { return (word_classes(w, n) & WC_UI) != 0; }
int word_is_strong_ui(const char *w, size_t n) { return (word_classes(w, n) & WC_STRONG) != 0; }

/* The end of the run of ASCII letters starting at i (s[i] is one), eight
 * bytes at a time: a byte is a letter when it has no high bit and, with the
 * case bit set, lies in 'a'..'z' (each byte's sums stay below 0x100). */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static size_t letter_run_end(const unsigned char *s, size_t i, size_t e) {
    size_t j = i + 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* the first byte is the lowest */
    while (j + 8 <= e) {
        uint64_t x;
        memcpy(&x, s + j, sizeof x);
        uint64_t low7 = (x | ONES * 0x20) & ~HIGHS;
        uint64_t from_a = low7 + ONES * (0x80 - 'a'), past_z = low7 + ONES * (0x80 - 'z' - 1);
        uint64_t not_letter = ~(from_a & ~past_z & ~x) & HIGHS;
        if (not_letter) return j + (size_t)__builtin_ctzll(not_letter) / 8;
        j += 8;
    }
#endif
    while (j < e && (unsigned char)((s[j] | 32) - 'a') < 26) j++;
    return j;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Closing quotes and brackets that may follow a sentence's final mark. */
static size_t skip_closers_back(const unsigned char *s, size_t end) {
    for (;;) {
        if (end >= 1 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')' ||
                         s[end - 1] == ']' || s[end - 1] == '*')) {
            end--;
            continue;
        }
        /* ” ’ » (E2 80 9D, E2 80 99, C2 BB) */
        if (end >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 && (s[end - 1] == 0x9D || s[end - 1] == 0x99)) {
            end -= 3;
            continue;
        }
        if (end >= 2 && s[end - 2] == 0xC2 && s[end - 1] == 0xBB) {
            end -= 2;
            continue;
        }
        return end;
    }
}

/* lookup_words: how many leading words are looked up in the word lists
 * (the lookups are most of the cost; 40 words tell prose from furniture). */
static void features(const char *str, size_t n, text_features *f, int lookup_words) {
    const unsigned char *s = (const unsigned char *)str;
    memset(f, 0, sizeof *f);
    size_t b = 0, e = n;
    while (b < e && is_space(s[b])) b++;
    while (e > b && is_space(s[e - 1])) e--;
    f->chars = (int)(e - b);
    if (b == e) {
        f->no_letters = 1;
        return;
    }
    size_t end = skip_closers_back(s, e);
    if (end > b) {
        unsigned char last = s[end - 1];
        const unsigned char *t = s + end - 3; /* a three-byte mark: … 。 ！ ？ */
        int wide = end - b >= 3 && ((t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0xA6) ||
                                    (t[0] == 0xE3 && t[1] == 0x80 && t[2] == 0x82) ||
                                    (t[0] == 0xEF && t[1] == 0xBC && (t[2] == 0x81 || t[2] == 0x9F)));
        f->ends_sentence = last == '.' || last == '!' || last == '?' || wide;
        f->ends_colon = last == ':';
    }
    /* time or duration only: digits and colons, at least one colon */
    int colons = 0, others = 0;
    for (size_t i = b; i < e && !others; i++) {
        if (s[i] == ':') colons++;
        else if (s[i] < '0' || s[i] > '9') others++;
    }
    f->time_only = colons > 0 && others == 0;
    /* one pass per word: counts and the case of its first character; then
     * the word lists for a word of letters with only punctuation around it,
     * hashed only when its shape passes the filter */
    size_t i = b;
    int word_index = 0;
    /* locals, not f's fields: the text is bytes and may alias them */
    int words = 0, letters = 0, digits = 0, upper = 0, lower_word = 0, stop = 0, ui = 0, strong = 0;
    int label_ui = 0, label_caps = 1; /* the words before a colon among the first three */
    while (i < e) {
        while (i < e && is_space(s[i])) i++;
        if (i >= e) break;
        int started = 0, ended = 0, pure = 1, core = 0, lowers = 0, want = words < lookup_words;
        unsigned char first = 0;
        size_t letters_at = i; /* the first ASCII letter (of a pure word: all of them) */
        for (; i < e; i++) {
            unsigned char c = s[i], lc = c | 32;
            if (lc >= 'a' && lc <= 'z') {
                if (!started) started = 1, first = c;
                if (ended) pure = 0;
                /* the whole run of ASCII letters at once: most of the bytes */
                if (!core) letters_at = i;
                size_t j = letter_run_end(s, i, e);
                if (word_index < 3) /* only the label test looks at the case */
                    for (size_t q = i; q < j; q++) lowers += s[q] == (s[q] | 32);
                letters += (int)(j - i);
                core += (int)(j - i);
                i = j - 1;
            } else if (c <= ' ' && is_space(c)) {
                break;
            } else if (c >= '0' && c <= '9') {
                digits++;
                if (!started) started = 1, first = c;
                pure = 0;
            } else if (c >= 0x80) {
                letters++;
                if (!started) started = 1, first = c;
                pure = 0;
            } else if (started) {
                ended = 1;
            }
        }
        if (!started) continue; /* punctuation alone is no word */
        words++;
        if (first >= 'A' && first <= 'Z') upper++;
        else if (first >= 'a' && first <= 'z') lower_word = 1;
        int wc = 0;
        if (want && pure && core && core <= WORD_MAX_LEN &&
            shape_listed(s[letters_at], s[letters_at + core - 1], (size_t)core)) {
            wc = lookup_hash(hash_lower(s + letters_at, (size_t)core));
            if (wc & WC_STOP) stop++;
            else if (wc & WC_UI) {
                ui++;
                f->last_ui = words;
                if (wc & WC_STRONG) strong++;
            }
        }
        /* "RELATED:", "Photo:", "Read more:" - a label of one to three words
         * in capitals or furniture words ("Ukraine war:" is a headline's) */
        if (word_index < 3) {
            label_ui |= (wc & WC_UI) != 0;
            label_caps &= lowers == 0;
            if (s[i - 1] == ':' && i < e && (label_ui || label_caps) && !f->prefix_label)
                f->prefix_label = word_index + 1;
        }
        word_index++;
    }
    f->words = words;
    f->letters = letters;
    f->digits = digits;
    f->upper_initial = upper;
    f->has_lower_word = lower_word;
    f->stop = stop;
    f->ui = ui;
    f->strong_ui = strong;
    f->no_letters = f->letters == 0;
}

void text_features_of(const char *s, size_t n, text_features *f) { features(s, n, f, 40); }
void text_shape_of(const char *s, size_t n, text_features *f) { features(s, n, f, 0); }
